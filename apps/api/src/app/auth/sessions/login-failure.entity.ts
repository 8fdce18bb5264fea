import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Failed sign-ins counted per key (`address:…`, `account:…|address`, `account:…`) within a window. */
@Entity('login_failures')
export class LoginFailure {
  @PrimaryColumn({ type: 'varchar', length: 300 })
  key!: string;

  @Column({ type: 'int' })
  count!: number;

  @Column({ type: 'timestamptz' })
  firstAt!: Date;

  @Column({ type: 'timestamptz' })
  lastAt!: Date;
}
