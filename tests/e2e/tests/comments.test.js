// Writing comments on the static backend with a comment endpoint: validation, replies,
// moderation, refusals, and a draft that is never lost.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { configWithSource, openPage, setup, nearStoryEnd } from '../harness.js';
import { commentEndpoint } from '../fakes/comment-endpoint.js';

const STORY = '/article/ostrowski-wins-governor-race';
const fill = async (form, { text, name = 'Dana Reader', email = 'dana@example.com', website = '' }) => {
  await form.getByLabel('Comment').fill(text);
  await form.getByLabel('Name').fill(name);
  await form.getByLabel('Email').fill(email);
  if (website) await form.getByLabel('Website').fill(website);
};

// What a backend sends for a comment stays data: a name, id or address that tries to close an
// attribute or open a tag stays text, and an unsafe address is not linked.
const HOSTILE_STORY = 'ashby-crossing-range-reopens-after-renovation';
const ATTACK = '"><img src=x onerror="window.__pwned=1">';
const HOSTILE_COMMENTS = [
  { id: 'h1"><b>', parent: null, author: { name: `Eve ${ATTACK}`, url: 'javascript:window.__pwned=2', avatar: `/x.png${ATTACK}` }, date: '2026-10-01T10:00:00Z', html: `<p>Plain text with ${ATTACK.replace(/</g, '>')} &amp; quotes</p>`, status: 'approved' },
  { id: 'h2', parent: 'h1"><b>', author: { name: "Mallory ' & <", url: 'https://mallory.example/?a="b"&c', avatar: null }, date: '2026-10-01T11:00:00Z', html: `<p>Rich <em>text</em>${ATTACK}</p>`, status: 'approved' },
  { id: 'h3', parent: null, author: { name: 'Plain\r\nName', url: null, avatar: null }, date: '2026-10-01T12:00:00Z', html: '<p>a > b "quoted" \'single\'</p>\n<p>second</p>', status: 'approved' },
];

test('commenting', async (t) => {
  const endpoint = commentEndpoint();
  const { server, browser } = await setup(t, {
    handler: endpoint.handler,
    overrides: {
      '/config.json': configWithSource({ kind: 'static', url: '/content/', comments_url: '/api/comments' }),
      [`/content/comments/${HOSTILE_STORY}.json`]: { body: JSON.stringify({ comments: HOSTILE_COMMENTS }), type: 'application/json' },
    },
  });
  const open = async () => {
    const page = await openPage(browser);
    await page.goto(server.origin + STORY);
    await nearStoryEnd(page);
    await page.locator('.comment').first().waitFor();
    return page;
  };

  await t.test('required fields are checked before sending, with accessible messages', async () => {
    const page = await open();
    const form = page.locator('form.comment-form');
    await form.getByRole('button', { name: 'Post Comment' }).click();
    assert.equal(await form.locator('[aria-invalid=true]').count(), 3);
    assert.equal(await page.evaluate(() => document.activeElement.id), 'reply-top-comment');
    assert.match(await form.locator('#reply-top-email-error').innerText(), /enter your email/);
    await form.getByLabel('Email').fill('not-an-email');
    await form.getByRole('button', { name: 'Post Comment' }).click();
    assert.match(await form.locator('#reply-top-email-error').innerText(), /valid email/);
    assert.equal(endpoint.received.length, 0, 'nothing was sent');
    page.assertClean();
  });

  await t.test('a comment is posted, shown in place, and its draft cleared', async () => {
    const page = await open();
    const before = await page.locator('.comment').count();
    const form = page.locator('form.comment-form');
    await fill(form, { text: 'A fresh top-level comment.', website: 'https://dana.example' });
    await form.getByRole('button', { name: 'Post Comment' }).click();
    await page.locator('.comment-notice', { hasText: 'published' }).waitFor();
    assert.equal(await page.locator('.comment').count(), before + 1);
    const posted = page.locator('.comment').last();
    await posted.scrollIntoViewIfNeeded();
    assert.equal(await posted.locator('.comment-body').innerText(), 'A fresh top-level comment.');
    assert.equal(endpoint.received.at(-1).parent, null);
    assert.equal(endpoint.received.at(-1).article, 'ostrowski-wins-governor-race');
    assert.equal(await form.getByLabel('Comment').inputValue(), '');
    assert.equal(await form.getByLabel('Name').inputValue(), 'Dana Reader', 'identity is kept for the next comment');
    await page.reload();
    await nearStoryEnd(page);
    await page.locator('form.comment-form').waitFor();
    assert.equal(await page.locator('form.comment-form').getByLabel('Comment').inputValue(), '');
    page.assertClean();
  });

  await t.test('Reply moves the form under the comment and sends its id as parent', async () => {
    const page = await open();
    const target = page.locator('.comment').nth(1);
    const targetId = (await target.getAttribute('id')).replace('comment-', '');
    await target.getByRole('button', { name: /^Reply to / }).click();
    const reply = page.locator(`form.comment-form[aria-labelledby="reply-${targetId}-heading"]`);
    await reply.waitFor();
    assert.equal(await page.locator('form.comment-form').count(), 1, 'one form at a time');
    await reply.getByRole('button', { name: 'Cancel reply' }).click();
    await page.locator('form.comment-form[aria-labelledby="reply-top-heading"]').waitFor();
    await target.getByRole('button', { name: /^Reply to / }).click();
    await fill(reply, { text: 'Replying to you [hold]' });
    await reply.getByRole('button', { name: 'Post Comment' }).click();
    await page.locator('.comment-notice', { hasText: 'awaiting moderation' }).waitFor();
    assert.equal(endpoint.received.at(-1).parent, targetId);
    const mine = page.locator('.comment', { hasText: 'Replying to you' });
    // Off screen, a comment's text is not laid out (content-visibility), and innerText is what shows.
    await mine.scrollIntoViewIfNeeded();
    assert.equal(await mine.locator('.moderation').innerText(), 'AWAITING MODERATION');
    assert.match(await mine.getAttribute('class'), /depth-[1-4]/);
    page.assertClean();
  });

  await t.test('a draft survives a reload and a navigation', async () => {
    const page = await open();
    const form = page.locator('form.comment-form');
    await form.getByLabel('Comment').fill('Half-written thought');
    await form.getByLabel('Name').fill('Sam');
    await page.reload();
    await nearStoryEnd(page);
    await page.locator('form.comment-form').waitFor();
    assert.equal(await page.locator('form.comment-form').getByLabel('Comment').inputValue(), 'Half-written thought');
    await page.locator('.main-menu a', { hasText: 'Politics' }).click();
    await page.locator('.archive-header h1').waitFor();
    // The address changes just after the new page is painted (src/router.rs): Back waits for it.
    await page.waitForURL('**/category/politics');
    await page.goBack();
    await nearStoryEnd(page);
    await page.locator('form.comment-form').waitFor();
    assert.equal(await page.locator('form.comment-form').getByLabel('Name').inputValue(), 'Sam');
    page.assertClean();
  });

  await t.test('a failed post keeps the text and succeeds on Retry', async () => {
    const page = await open();
    const form = page.locator('form.comment-form');
    await fill(form, { text: 'Sent while offline' });
    endpoint.mode = 'network';
    await form.getByRole('button', { name: 'Post Comment' }).click();
    await form.locator('.form-error').waitFor();
    assert.match(await form.locator('.form-error').innerText(), /could not be reached/);
    assert.equal(await form.getByLabel('Comment').inputValue(), 'Sent while offline');
    await page.reload();
    await nearStoryEnd(page);
    await page.locator('form.comment-form').waitFor();
    assert.equal(await page.locator('form.comment-form').getByLabel('Comment').inputValue(), 'Sent while offline', 'kept across a reload too');
    endpoint.mode = 'network';
    await page.locator('form.comment-form').getByRole('button', { name: 'Post Comment' }).click();
    await page.locator('form.comment-form').getByRole('button', { name: 'Retry' }).waitFor();
    endpoint.mode = 'ok';
    await page.locator('form.comment-form').getByRole('button', { name: 'Retry' }).click();
    await page.locator('.comment', { hasText: 'Sent while offline' }).waitFor();
    page.assertClean(['/api/comments']);
  });

  await t.test('double-clicking Send sends once; refusals are explained', async () => {
    const page = await open();
    const form = page.locator('form.comment-form');
    await fill(form, { text: 'Only once please' });
    endpoint.mode = 'slow';
    const count = endpoint.received.length;
    await form.getByRole('button', { name: 'Post Comment' }).dblclick();
    await page.locator('.comment', { hasText: 'Only once please' }).waitFor();
    assert.equal(endpoint.received.length, count + 1);
    for (const [mode, message] of [['duplicate', /already posted/], ['closed', /closed/]]) {
      endpoint.mode = mode;
      await fill(form, { text: `Refused as ${mode}` });
      await form.getByRole('button', { name: 'Post Comment' }).click();
      await form.locator('.form-error').waitFor();
      assert.match(await form.locator('.form-error').innerText(), message);
      assert.equal(await form.getByLabel('Comment').inputValue(), `Refused as ${mode}`);
    }
    endpoint.mode = 'ok';
    page.assertClean(['/api/comments']);
  });

  await t.test('readers can switch between oldest and newest first; avatars show or fall back to initials', async () => {
    const page = await openPage(browser);
    await page.goto(server.origin + '/article/deer-season-outlook-2026');
    await nearStoryEnd(page);
    await page.locator('.comment').first().waitFor();
    const oldest = await page.locator('.comment.depth-0 .comment-body').first().innerText();
    assert.equal(await page.getByRole('button', { name: 'Oldest first' }).getAttribute('aria-pressed'), 'true');
    await page.getByRole('button', { name: 'Newest first' }).click();
    assert.equal(await page.getByRole('button', { name: 'Newest first' }).getAttribute('aria-pressed'), 'true');
    assert.notEqual(await page.locator('.comment.depth-0 .comment-body').first().innerText(), oldest);
    assert.ok(await page.locator('.comment .avatar-image').count() > 0, 'staff replies show their picture');
    assert.ok(await page.locator('.comment .avatar-initials').count() > 0, 'others show initials');
    page.assertClean();
  });

  // The list's lines are kept by hand (a comment's line is built once, then only moved): every
  // change below must leave each line showing its own comment, in thread order.
  const LONG = '/article/concealed-carry-reciprocity-bill-explained';
  const LINES = '.comment-list > li, .comment-list > .comment-block > li';
  const lines = (page) => page.locator(LINES).evaluateAll((items) => items.map((li) => ({
    id: li.id.replace('comment-', ''),
    reply: li.classList.contains('reply'),
    depth: Number(li.className.match(/depth-(\d)/)?.[1] ?? -1),
    author: li.querySelector('.comment-author')?.textContent,
    body: li.querySelector('.comment-body')?.textContent,
    date: li.querySelector('time')?.getAttribute('datetime'),
  })));
  /** Each line is its own comment; replies follow their parent, a level deeper (up to 4). */
  const assertThread = async (page, { order, known }) => {
    const shown = (await lines(page)).filter((l) => !l.reply);
    assert.equal(new Set(shown.map((l) => l.id)).size, shown.length, 'no comment twice');
    const at = new Map(shown.map((l, i) => [l.id, i]));
    for (const [i, line] of shown.entries()) {
      const comment = known.get(line.id);
      assert.ok(comment, `comment ${line.id} is one of the story's`);
      assert.equal(line.author, comment.author.name, `line ${i} shows its own author`);
      assert.equal(line.body, comment.html.replace(/<[^>]+>/g, ''), `line ${i} shows its own text`);
      if (comment.parent && at.has(comment.parent)) {
        assert.ok(at.get(comment.parent) < i, `${line.id} comes after its parent`);
        assert.equal(line.depth, Math.min(4, shown[at.get(comment.parent)].depth + 1));
      }
    }
    const tops = shown.filter((l) => l.depth === 0).map((l) => l.date);
    const sorted = [...tops].sort();
    assert.deepEqual(tops, order === 'newest' ? sorted.reverse() : sorted, `top-level comments ${order} first`);
    return shown;
  };
  /** After the frame that follows a click: the list is arranged by then. */
  const settled = (page) => page.evaluate(() => new Promise(requestAnimationFrame));
  const storyComments = async () => {
    const res = await fetch(`${server.origin}/content/comments/concealed-carry-reciprocity-bill-explained.json`);
    return new Map((await res.json()).comments.map((c) => [c.id, c]));
  };

  // The long thread's story, scrolled to its first comments.
  const openLongThread = async () => {
    const page = await openPage(browser);
    await page.goto(server.origin + LONG);
    await nearStoryEnd(page);
    await page.locator('.comment').first().waitFor();
    return page;
  };

  await t.test('showing more, then changing the order, keeps every comment in its place', async () => {
    const known = await storyComments();
    const page = await openLongThread();
    assert.equal(await page.locator('.comment').count(), 100);
    await page.getByRole('button', { name: /Show more comments/ }).click();
    await page.waitForFunction((lines) => document.activeElement === document.querySelectorAll(lines)[100], LINES);
    assert.equal(await page.locator('.comment').count(), known.size, 'the first new comment has the focus, all are shown');
    // The lines' blocks are no list level for assistive technologies: the comments in the
    // browser's own accessibility tree are items of the one list. (Blocks far from the view are
    // skipped until near, as a line's content was when each line was skipped on its own.)
    const cdp = await page.context().newCDPSession(page);
    const { root } = await cdp.send('DOM.getDocument', { depth: 0 });
    const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector: '.comment-list' });
    const { nodes: items } = await cdp.send('Accessibility.queryAXTree', { nodeId, role: 'listitem' });
    const focused = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector: '.comment:focus' });
    const { nodes: [focusedItem] } = await cdp.send('Accessibility.getPartialAXTree', { nodeId: focused.nodeId, fetchRelatives: false });
    assert.ok(items.some((item) => item.nodeId === focusedItem.nodeId), 'the focused comment is a list item');
    const level = (item) => item.properties?.find((p) => p.name === 'level')?.value.value;
    assert.deepEqual(new Set(items.map(level)), new Set([1]), 'of the one list');
    const { nodes: lists } = await cdp.send('Accessibility.queryAXTree', { nodeId, role: 'list' });
    assert.equal(lists.length, 1, 'no list within it');
    await cdp.detach();
    await assertThread(page, { order: 'oldest', known });
    await page.getByRole('button', { name: 'Newest first' }).click();
    await settled(page);
    const newest = await assertThread(page, { order: 'newest', known });
    assert.equal(newest.length, known.size, 'all still shown');
    await page.getByRole('button', { name: 'Oldest first' }).click();
    await settled(page);
    const oldest = await assertThread(page, { order: 'oldest', known });
    assert.equal(oldest.length, known.size);
    page.assertClean();
  });

  await t.test('after reordering, a reply form opens under its comment and the posted reply appears there', async () => {
    const known = await storyComments();
    const page = await openLongThread();
    await page.getByRole('button', { name: /Show more comments/ }).click();
    await page.getByRole('button', { name: 'Newest first' }).click();
    await settled(page);
    assert.equal((await assertThread(page, { order: 'newest', known })).length, known.size);
    // A top-level comment with replies, mid-list: the form goes between it and its first reply.
    const all = await lines(page);
    const index = all.findIndex((l, i) => i > 5 && l.depth === 0 && all[i + 1]?.depth === 1);
    const target = all[index];
    await page.locator(`#comment-${target.id}`).getByRole('button', { name: /^Reply to / }).click();
    const reply = page.locator(`form.comment-form[aria-labelledby="reply-${target.id}-heading"]`);
    await reply.waitFor();
    const withForm = await lines(page);
    assert.equal(withForm[index].id, target.id);
    assert.ok(withForm[index + 1].reply, 'the form is right under the comment');
    assert.equal(withForm[index + 2].id, all[index + 1].id, 'and its first reply after the form');
    assert.equal(withForm.length, all.length + 1);
    await fill(reply, { text: 'A reply after reordering.' });
    await reply.getByRole('button', { name: 'Post Comment' }).click();
    await page.locator('.comment-notice', { hasText: 'published' }).waitFor();
    const posted = endpoint.received.at(-1);
    assert.equal(posted.parent, target.id);
    const after = await lines(page);
    assert.ok(!after.some((l) => l.reply), 'the reply form is gone');
    const mine = after.findIndex((l) => l.body === 'A reply after reordering.');
    assert.ok(mine > index, 'the reply is under its parent');
    assert.equal(after[mine].depth, 1);
    assert.ok(after.slice(index + 1, mine).every((l) => l.depth > 0), 'inside its parent\'s replies, the newest last');
    assert.ok(!(after[mine + 1]?.depth > 0), 'at the end of them');
    assert.deepEqual(after.filter((l) => l !== after[mine]).map((l) => l.id), all.map((l) => l.id), 'the other comments stay as they were');
    assert.equal(await page.locator('form.comment-form[aria-labelledby="reply-top-heading"]').count(), 1, 'the top-level form is back');
    // Back to oldest first: the reply stays with its parent.
    await page.getByRole('button', { name: 'Oldest first' }).click();
    await settled(page);
    const oldest = await lines(page);
    const parentAt = oldest.findIndex((l) => l.id === target.id);
    const replyAt = oldest.findIndex((l) => l.body === 'A reply after reordering.');
    assert.ok(replyAt > parentAt && oldest.slice(parentAt + 1, replyAt + 1).every((l) => l.depth > 0), 'still under its parent');
    page.assertClean();
  });

  await t.test('a comment posted while only the first comments are shown appears at once and hides none of them', async () => {
    const page = await openLongThread();
    const before = await lines(page);
    assert.equal(before.length, 100);
    const more = page.getByRole('button', { name: /Show more comments/ });
    assert.equal(await more.innerText(), 'Show more comments (50 more)');
    const target = before[10];
    await page.locator(`#comment-${target.id}`).getByRole('button', { name: /^Reply to / }).click();
    const reply = page.locator(`form.comment-form[aria-labelledby="reply-${target.id}-heading"]`);
    await fill(reply, { text: 'A reply among the first hundred.' });
    await reply.getByRole('button', { name: 'Post Comment' }).click();
    await page.locator('.comment-notice', { hasText: 'published' }).waitFor();
    const withReply = await lines(page);
    assert.equal(withReply.length, 101, 'the reply is added, no comment is pushed out');
    assert.deepEqual(withReply.filter((l) => l.body !== 'A reply among the first hundred.').map((l) => l.id), before.map((l) => l.id));
    assert.ok(withReply.findIndex((l) => l.body === 'A reply among the first hundred.') > 10, 'under its parent');
    assert.equal(await more.innerText(), 'Show more comments (50 more)');
    // Oldest first, a new top-level comment belongs after the 50 not shown yet: it shows anyway.
    const top = page.locator('form.comment-form[aria-labelledby="reply-top-heading"]');
    await fill(top, { text: 'A new comment at the end of a long thread.' });
    await top.getByRole('button', { name: 'Post Comment' }).click();
    await page.waitForFunction((selector) => document.querySelectorAll(selector).length === 102, LINES);
    const withBoth = await lines(page);
    assert.equal(withBoth.at(-1).body, 'A new comment at the end of a long thread.');
    assert.deepEqual(withBoth.slice(0, 101), withReply);
    assert.equal(await more.innerText(), 'Show more comments (50 more)');
    await more.click();
    await page.waitForFunction((selector) => document.querySelectorAll(selector).length === 152, LINES);
    const all = await lines(page);
    assert.equal(all.at(-1).body, 'A new comment at the end of a long thread.', 'still the last, after the 50 shown now');
    assert.equal(new Set(all.map((l) => l.id)).size, 152, 'no comment twice');
    page.assertClean();
  });

  await t.test('hostile comment data stays text', async () => {
    const page = await openPage(browser);
    await page.goto(server.origin + `/article/${HOSTILE_STORY}`);
    await nearStoryEnd(page);
    await page.locator('.comment').nth(2).waitFor();
    const shown = await page.locator('.comment').evaluateAll((items) => items.map((li) => ({
      id: li.id,
      author: li.querySelector('.comment-author').textContent,
      link: li.querySelector('.comment-author a')?.getAttribute('href') ?? null,
      body: li.querySelector('.comment-body').innerHTML,
      reply: li.querySelector('.reply-button')?.value,
    })));
    assert.deepEqual(shown.map((c) => c.id), ['comment-h1"><b>', 'comment-h2', 'comment-h3']);
    assert.deepEqual(shown.map((c) => c.author), [`Eve ${ATTACK}`, "Mallory ' & <", 'Plain\r\nName']);
    assert.equal(shown[0].link, null, 'a javascript: address is not linked');
    // The picture's address stayed one attribute: it was requested, failed, and was removed.
    await page.waitForFunction(() => !document.querySelector('.avatar-image'));
    assert.equal(await page.locator('.comment').first().locator('img').count(), 0);
    assert.equal(shown[0].reply, 'h1"><b>');
    assert.equal(shown[1].link, 'https://mallory.example/?a="b"&c');
    assert.match(shown[1].body, /^<p>Rich <em>text<\/em>"&gt;<img [^>]*><\/p>$/, 'a rich body goes through the sanitizer');
    assert.equal(shown[2].body, '<p>a &gt; b "quoted" \'single\'</p><p>second</p>');
    assert.equal(await page.locator('.comment [onerror], .comment script, .comment b').count(), 0);
    assert.equal(await page.evaluate(() => window.__pwned), undefined);
    page.assertClean(['/x.png']);
  });

  await t.test('a story with comments closed shows no form', async () => {
    const page = await openPage(browser);
    await page.goto(server.origin + '/article/judge-blocks-kettle-county-firearm-storage-ordinance');
    await nearStoryEnd(page);
    await page.locator('.comment').first().waitFor();
    assert.equal(await page.locator('form.comment-form').count(), 0);
    assert.equal(await page.locator('.comments-closed').innerText(), 'Comments are closed for this story.');
    assert.equal(await page.locator('.reply-button').count(), 0);
    page.assertClean();
  });
});
