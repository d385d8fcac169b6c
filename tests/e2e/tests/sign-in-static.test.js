// Signing in on the static schema through the publisher's token endpoint: the dialog, a refusal,
// the name in the header, a comment sent with the token, and a session that ends with the tab.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { configWithSource, openPage, setup, nearStoryEnd } from '../harness.js';
import { READER, commentEndpoint, signInEndpoint } from '../fakes/comment-endpoint.js';

const STORY = '/article/ostrowski-wins-governor-race';

test('signing in to a static site with a token endpoint', async (t) => {
  const comments = commentEndpoint();
  const signIn = signInEndpoint();
  const { server, browser } = await setup(t, {
    handler: (req, res) => comments.handler(req, res) || signIn(req, res),
    overrides: {
      '/config.json': configWithSource({ kind: 'static', url: '/content/', comments_url: '/api/comments', sign_in_url: '/api/sign-in' }),
    },
  });
  const page = await openPage(browser);
  await page.goto(server.origin + STORY);
  await nearStoryEnd(page);
  await page.locator('.comment').first().waitFor();
  const button = page.getByRole('button', { name: 'Sign in', exact: true });
  const dialog = page.getByRole('dialog', { name: 'Welcome back!' });

  await t.test('a wrong password is refused in plain words, without WordPress advice', async () => {
    await button.click();
    await dialog.waitFor();
    assert.equal(await dialog.getByRole('link', { name: 'Lost your password?' }).count(), 0, 'no lost-password page is configured');
    assert.doesNotMatch(await dialog.innerText(), /application password/);
    await dialog.getByLabel('Username or Email Address').fill(READER.login);
    await dialog.getByLabel('Password').fill('wrong');
    await dialog.getByRole('button', { name: 'Sign in' }).click();
    assert.equal(await dialog.getByRole('alert').innerText(), 'The username or password is not right.');
    assert.equal(await page.evaluate(() => sessionStorage.length), 0);
  });

  await t.test('the right password signs in and the comment form writes as the reader', async () => {
    await dialog.getByLabel('Password').fill(READER.password);
    await dialog.getByRole('button', { name: 'Sign in' }).click();
    await dialog.waitFor({ state: 'hidden' });
    assert.equal(await page.locator('.account-name').innerText(), `Signed in as ${READER.account.name}`);
    const form = page.locator('form.comment-form').first();
    assert.equal(await form.getByLabel('Name').inputValue(), READER.account.name);
    assert.equal(await form.getByLabel('Email').inputValue(), READER.account.email);
    await form.getByLabel('Comment').fill('Written while signed in.');
    await form.getByRole('button', { name: 'Post Comment' }).click();
    await page.locator('.comment', { hasText: 'Written while signed in.' }).waitFor();
    assert.equal(comments.authorizations.at(-1), `Bearer ${READER.token}`);
    assert.equal(comments.received.at(-1).author_name, READER.account.name);
  });

  await t.test('the session survives a reload but not a new tab, and signing out ends it', async () => {
    await page.reload();
    await page.locator('.account-name').waitFor();
    const other = await openPage(browser);
    await other.goto(server.origin + STORY);
    await other.getByRole('button', { name: 'Sign in', exact: true }).waitFor();
    assert.equal(await other.locator('.account-name').count(), 0);
    other.assertClean();
    await page.getByRole('button', { name: 'Sign out' }).click();
    await button.waitFor();
    assert.equal(await page.evaluate(() => sessionStorage.length), 0);
    page.assertClean(['HTTP 401']);
  });
});
