import { ApiProperty } from '@nestjs/swagger';
import { LoginRequest } from '@pm/api-contract';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';

export class LoginDto implements LoginRequest {
  @ApiProperty({ example: 'zfb.lead' })
  @IsString({ message: '请输入用户名' })
  @IsNotEmpty({ message: '请输入用户名' })
  @MaxLength(60, { message: '用户名过长' })
  username!: string;

  @ApiProperty({ example: 'Demo@2026' })
  @IsString({ message: '请输入密码' })
  @IsNotEmpty({ message: '请输入密码' })
  @MaxLength(128, { message: '密码过长' })
  password!: string;
}
