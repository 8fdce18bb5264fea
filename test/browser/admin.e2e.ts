import { join } from 'node:path';
import { Browser, Page } from 'playwright-core';
import { Client, DEMO_PASSWORD } from '../support/http';
import { RunningApp, startApp, WEB_DIST } from '../support/app';
import { AdminPage } from './pages/admin.page';
import { ARTIFACTS, launchChromium } from './pages/browser';
import { LoginPage } from './pages/login.page';

describe('the admin screens in the browser', () => {
  let running: RunningApp;
  let browser: Browser;
  let page: Page;
  let admin: AdminPage;

  const shot = async (name: string) => {
    await page.waitForTimeout(300);
    await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });
  };

  beforeAll(async () => {
    running = await startApp({ webDist: WEB_DIST });
    const api = await new Client(running.url).as('admin');
    const finance = ((await api.get('/api/organizations')).body as { id: string; kind: string }[]).find((o) => o.kind === 'finance');
    const department = await api.post('/api/organizations', { name: '曲靖市测绘院', kind: 'department', parentId: finance?.id });
    const unit = await api.post('/api/organizations', { name: '曲靖市测绘院（本级）', kind: 'unit', parentId: department.body.id });
    await api.post('/api/users', { username: 'chy.lead', password: 'Survey@2026', displayName: '测绘院项目负责人', role: 'project_lead', organizationId: unit.body.id });
    await api.post('/api/users', { username: 'chy.reviewer', password: 'Survey@2026', displayName: '测绘院财务审核', role: 'department_reviewer', organizationId: department.body.id });
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
    const login = new LoginPage(page);
    await login.open(running.url);
    await login.signIn('admin', DEMO_PASSWORD);
    await page.waitForURL(/\/(projects|inbox)$/);
    admin = new AdminPage(page);
  });
  afterAll(async () => {
    await browser?.close();
    await running?.close();
  });

  it('finds users by name and role, edits one and disables another, who can then no longer sign in', async () => {
    await admin.openUsers(running.url);
    await admin.search('测绘院', 2);
    await admin.choose('[data-test=user-role-filter]', '项目负责人');
    await page.locator('[data-test=user-total]', { hasText: '共 1 个用户' }).waitFor();
    expect(await page.locator('[data-test=users-table] tbody tr[data-user]').count()).toBe(1);
    await page.click('[data-test=user-role-filter] .ant-select-clear');
    await page.locator('[data-test=user-total]', { hasText: '共 2 个用户' }).waitFor();
    await shot('admin-users');

    await admin.userRow('chy.lead').locator('[data-test=edit-user]').click();
    const name = page.locator('[data-test=user-form] #user-display-name');
    await name.waitFor();
    expect(await name.inputValue()).toBe('测绘院项目负责人');
    await name.fill('测绘院项目负责人（王）');
    await shot('admin-user-edit');
    await admin.save('user-form');
    await admin.userRow('chy.lead').locator('td', { hasText: '测绘院项目负责人（王）' }).waitFor();

    await admin.confirm(admin.userRow('chy.reviewer'), 'toggle-user');
    await admin.userRow('chy.reviewer').locator('nz-tag', { hasText: '已停用' }).waitFor();
    const refused = await new Client(running.url).post('/api/auth/login', { username: 'chy.reviewer', password: 'Survey@2026' });
    expect(refused.body.message).toBe('该账号已停用，请联系管理员');
    expect(await admin.userRow('chy.reviewer').locator('[data-test=toggle-user]').innerText()).toBe('启用');

    // the demo data keeps one account that has left, disabled
    await admin.search('已调离', 1);
    await admin.userRow('xfj.retired').locator('nz-tag', { hasText: '已停用' }).waitFor();
  });

  it('shows the server\'s refusal of a taken username at the username field, and of a weak password at the password field', async () => {
    await page.click('[data-test=create-user]');
    await page.locator('[data-test=user-form] #user-username').waitFor();
    await page.fill('[data-test=user-form] #user-username', 'chy.lead');
    await page.fill('[data-test=user-form] #user-display-name', '重名的人');
    await page.fill('[data-test=user-form] #user-password', 'short');
    await admin.choose('[data-test=user-role]', '项目负责人');
    await admin.choose('[data-test=user-organization]', '曲靖市测绘院（本级）');
    await admin.save('user-form');
    await admin.fieldError('user-password').waitFor();
    expect(await admin.fieldError('user-password').innerText()).toBe('密码至少 8 位');
    await page.fill('[data-test=user-form] #user-password', 'Survey@2027');
    // typing clears that field's problem (it fades out)
    await admin.fieldError('user-password').waitFor({ state: 'detached' });
    await admin.save('user-form');
    await admin.fieldError('user-username').waitFor();
    expect(await admin.fieldError('user-username').innerText()).toBe('用户名已被使用');
    await shot('admin-user-duplicate');
    await page.locator('.ant-modal-content:has([data-test=user-form]) .ant-modal-close').click();
  });

  it('renames an organisation and, trying to delete one that still holds a unit, says what is still there', async () => {
    await admin.openOrganizations(running.url);
    await admin.organizationRow('曲靖市测绘院（本级）').locator('[data-test=edit-organization]').click();
    await page.locator('[data-test=organization-form] #organization-name').waitFor();
    await page.fill('[data-test=organization-form] #organization-name', '曲靖市测绘院本级');
    await admin.save('organization-form');
    await admin.organizationRow('曲靖市测绘院本级').waitFor();

    await admin.confirm(admin.organizationRow('曲靖市测绘院'), 'delete-organization');
    const problem = page.locator('[data-test=organization-problem]', { hasText: '不能删除' });
    await problem.waitFor();
    expect(await problem.innerText()).toContain('「曲靖市测绘院」还有 1 个下级单位、1 个用户，不能删除');
    await shot('admin-organizations');
  });
});
