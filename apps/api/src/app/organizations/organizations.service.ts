import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { CreateOrganizationRequest, OrganizationDto, SessionUser, UpdateOrganizationRequest } from '@pm/api-contract';
import { parentProblem } from '@pm/domain';
import { Repository } from 'typeorm';
import { ChangeFeed } from '../database/change-feed.service';
import { ScopeService } from '../access/scope.service';
import { badRequest } from '../common/api-error';
import { Organization } from './organization.entity';

const toDto = (o: Organization): OrganizationDto => ({
  id: o.id,
  name: o.name,
  kind: o.kind,
  parentId: o.parentId,
  code: o.code,
});

@Injectable()
export class OrganizationsService {
  constructor(
    @InjectRepository(Organization) private readonly organizations: Repository<Organization>,
    private readonly scope: ScopeService,
    private readonly feed: ChangeFeed,
  ) {}

  /** The organisations the user may see: finance and admin all, a department its subtree, a unit itself. */
  async list(user: SessionUser): Promise<OrganizationDto[]> {
    const query = this.organizations.createQueryBuilder('o').orderBy('o.kind').addOrderBy('o.name');
    await this.scope.restrict(user, query, 'o.id');
    return (await query.getMany()).map(toDto);
  }

  async create(body: CreateOrganizationRequest, actor: SessionUser): Promise<OrganizationDto> {
    const parent = body.parentId ? await this.organizations.findOneBy({ id: body.parentId }) : null;
    if (body.parentId && !parent) throw badRequest('上级单位不存在', [{ field: 'parentId', message: '上级单位不存在' }]);
    const problem = parentProblem(body.kind, parent?.kind ?? null);
    if (problem) throw badRequest(problem, [{ field: 'parentId', message: problem }]);
    await this.assertNameFree(body.name.trim(), body.parentId);
    const saved = await this.organizations.save(
      this.organizations.create({
        name: body.name.trim(),
        kind: body.kind,
        parentId: body.parentId,
        code: body.code?.trim() || null,
        createdBy: actor.id,
        updatedBy: actor.id,
      }),
    );
    this.feed.changed('organizations');
    return toDto(saved);
  }

  async update(id: string, body: UpdateOrganizationRequest, actor: SessionUser): Promise<OrganizationDto> {
    const organization = await this.organizations.findOneBy({ id });
    if (!organization) throw new NotFoundException('未找到该单位');
    if (body.name !== undefined && body.name.trim() !== organization.name) {
      await this.assertNameFree(body.name.trim(), organization.parentId);
      organization.name = body.name.trim();
    }
    if (body.code !== undefined) organization.code = body.code?.trim() || null;
    organization.updatedBy = actor.id;
    const saved = await this.organizations.save(organization);
    this.feed.changed('organizations');
    return toDto(saved);
  }

  private async assertNameFree(name: string, parentId: string | null): Promise<void> {
    const clash = await this.organizations
      .createQueryBuilder('o')
      .where('o.name = :name', { name })
      .andWhere(parentId ? 'o.parent_id = :parentId' : 'o.parent_id IS NULL', { parentId })
      .getExists();
    if (clash) throw badRequest(`同一上级下已有名为「${name}」的单位`, [{ field: 'name', message: '单位名称重复' }]);
  }
}
