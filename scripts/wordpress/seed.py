#!/usr/bin/env python3
"""Seeds a freshly installed WordPress with Broadsheet's demo content through the REST API.

usage: seed.py CONTENT_DIR SITE_URL AUTH_FILE WORK_DIR
  CONTENT_DIR  public/content (format: docs/static-schema.md)
  AUTH_FILE    "user:application-password" of an administrator (unfiltered_html keeps iframes)
  WORK_DIR     scratch space: converted PNGs, and finish.sql, which start.sh applies afterwards
               (the REST API cannot set a post's modified date)
Standard library only. Exits non-zero with the failing request on the first error.
"""
import base64
import concurrent.futures
import datetime
import glob
import json
import os
import re
import secrets
import subprocess
import sys
import threading
import urllib.error
import urllib.parse
import urllib.request

CONTENT, SITE, AUTH_FILE, WORK = sys.argv[1:5]
AUTH = "Basic " + base64.b64encode(open(AUTH_FILE).read().strip().encode()).decode()
PARALLEL = 4  # php-fpm has 8 workers; 4 concurrent uploads keep it busy without queueing
EXTRA_POST_DATE = "2026-01-05T09:00:00"  # the two test posts sort after every demo article
requests_made = 0
lock = threading.Lock()


class ApiError(Exception):
    pass


def short_errors(kind, err, tb):
    """A failed request or conversion is reported in one line, not as a traceback."""
    if issubclass(kind, (ApiError, subprocess.CalledProcessError)):
        print(f"  [seed] ERROR: {err}", file=sys.stderr)
    else:
        sys.__excepthook__(kind, err, tb)


sys.excepthook = short_errors


def api(method, route, body=None, query=None, raw=None, filename=None):
    """One REST call as the admin; returns the decoded JSON, raises ApiError on non-2xx."""
    global requests_made
    url = SITE + "/wp-json" + route + ("?" + urllib.parse.urlencode(query) if query else "")
    headers = {"Authorization": AUTH, "Accept": "application/json"}
    data = None
    if raw is not None:
        data = raw
        headers["Content-Type"] = "image/png"
        headers["Content-Disposition"] = f'attachment; filename="{filename}"'
    elif body is not None:
        data = json.dumps(body).encode()
        headers["Content-Type"] = "application/json"
    req = urllib.request.Request(url, data=data, headers=headers, method=method)
    with lock:
        requests_made += 1
    try:
        with urllib.request.urlopen(req, timeout=120) as r:
            return json.load(r)
    except urllib.error.HTTPError as e:
        raise ApiError(f"{method} {route} -> HTTP {e.code}: {e.read()[:600].decode(errors='replace')}") from None


def gmt(date):
    """RFC 3339 with any offset -> the naive UTC form WordPress wants for *_gmt fields.
    (WordPress ignores the offset of a *_gmt value, so it must be converted here.)"""
    d = datetime.datetime.fromisoformat(date.replace("Z", "+00:00"))
    return d.astimezone(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%S")


def load(path):
    with open(os.path.join(CONTENT, path), encoding="utf-8") as f:
        return json.load(f)


def say(msg):
    print(f"  [seed] {msg}", flush=True)


def parallel(fn, items):
    with concurrent.futures.ThreadPoolExecutor(PARALLEL) as pool:
        return list(pool.map(fn, items))


def email_for(name):
    local = re.sub(r"[^a-z0-9]+", ".", name.lower()).strip(".") or "reader"
    return f"{local}@example.com"


articles = sorted((load(p) for p in glob.glob(os.path.join(CONTENT, "articles", "*.json"))),
                  key=lambda a: a["published"])
authors = load("authors.json")["authors"]
categories = load("categories.json")["categories"]

# ---- users: one author account per byline --------------------------------------------------
user_ids = {}
for a in authors:
    first, _, last = a["name"].partition(" ")
    body = {"username": a["slug"], "slug": a["slug"], "name": a["name"], "nickname": a["name"],
            "first_name": first, "last_name": last, "email": f"{a['slug']}@example.com",
            "password": secrets.token_urlsafe(18), "description": a.get("bio") or "",
            "roles": ["author"]}
    if a.get("url"):
        body["url"] = a["url"]
    user_ids[a["slug"]] = api("POST", "/wp/v2/users", body)["id"]
say(f"{len(user_ids)} authors")

# ---- categories (parents first), then make ours the default and drop "Uncategorized" -------
cat_ids = {}
pending = list(categories)
while pending:
    ready = [c for c in pending if not c.get("parent") or c["parent"] in cat_ids]
    if not ready:
        raise SystemExit(f"categories.json: unknown parent in {[c['slug'] for c in pending]}")
    for c in ready:
        body = {"name": c["name"], "slug": c["slug"], "description": c.get("description") or ""}
        if c.get("parent"):
            body["parent"] = cat_ids[c["parent"]]
        cat_ids[c["slug"]] = api("POST", "/wp/v2/categories", body)["id"]
        pending.remove(c)
api("POST", "/wp/v2/settings", {"default_category": cat_ids[categories[0]["slug"]]})
for c in api("GET", "/wp/v2/categories", query={"slug": "uncategorized"}):
    api("DELETE", f"/wp/v2/categories/{c['id']}", query={"force": "true"})
say(f"{len(cat_ids)} categories")

# ---- tags: every tag an article uses -------------------------------------------------------
tag_names = {}
for a in articles:
    for t in a.get("tags") or []:
        tag_names.setdefault(t["slug"], t["name"])
tag_ids = {}
for slug, name in sorted(tag_names.items()):
    tag_ids[slug] = api("POST", "/wp/v2/tags", {"name": name, "slug": slug})["id"]
say(f"{len(tag_ids)} tags")

# ---- hero images: SVG -> 1200x675 PNG, one media item per article (own alt/caption/credit) --
os.makedirs(os.path.join(WORK, "png"), exist_ok=True)
png_lock = threading.Lock()
png_locks = {}


def png_for(src, width, height):
    """Converts each SVG once, even when several articles (threads) share it."""
    svg = os.path.join(CONTENT, re.sub(r"^/?content/", "", src))
    out = os.path.join(WORK, "png", f"{os.path.basename(svg)}-{width}x{height}.png")
    with png_lock:
        file_lock = png_locks.setdefault(out, threading.Lock())
    with file_lock:
        if not os.path.exists(out):
            if not os.path.exists(svg):
                return None
            subprocess.run(["rsvg-convert", "-w", str(width), "-h", str(height), "-o", out, svg], check=True)
    return out


def upload_hero(a):
    hero = a.get("hero")
    if not hero or not hero.get("src"):
        return None
    png = png_for(hero["src"], hero.get("width") or 1200, hero.get("height") or 675)
    if png is None:
        say(f"WARNING: {a['slug']}: hero {hero['src']} not found, no featured image")
        return None
    with open(png, "rb") as f:
        data = f.read()
    # The body is the image itself, so the metadata travels in the query string.
    return api("POST", "/wp/v2/media", raw=data, filename=f"{a['slug']}.png", query={
        "title": a["title"], "alt_text": hero.get("alt") or "",
        "caption": hero.get("caption") or "", "description": hero.get("credit") or ""})["id"]


# Up to the first image alone: it creates uploads/YYYY/MM, and concurrent uploads race to do that.
first = next((i for i, a in enumerate(articles) if a.get("hero")), len(articles))
media = [upload_hero(a) for a in articles[:first + 1]] + parallel(upload_hero, articles[first + 1:])
media_ids = dict(zip((a["slug"] for a in articles), media))
say(f"{sum(1 for m in media_ids.values() if m)} featured images")

# ---- posts, oldest first so ids grow with the date like on a real site ---------------------
FORMATS = {"video": "video", "gallery": "gallery"}  # "opinion" has no WordPress post format
post_ids = {}
finish_sql = []


def set_modified(post_id, date):
    # gmt_offset is 0 (WordPress' default timezone, UTC), so local time == GMT.
    d = gmt(date).replace("T", " ")
    finish_sql.append(f"UPDATE wp_posts SET post_modified='{d}', post_modified_gmt='{d}' WHERE ID={int(post_id)};")


for a in articles:
    body = {
        "slug": a["slug"], "status": "publish", "title": a["title"], "content": a["body"],
        "excerpt": a.get("excerpt") or "", "date_gmt": gmt(a["published"]),
        "author": user_ids[a["authors"][0]["slug"]],  # WordPress has one author per post
        "categories": [cat_ids[c["slug"]] for c in a["categories"]],
        "tags": [tag_ids[t["slug"]] for t in a.get("tags") or []],
        "sticky": bool(a.get("featured")), "format": FORMATS.get(a.get("format"), "standard"),
        # Open while seeding: the REST API refuses comments on a closed post, even from an admin.
        "comment_status": "open", "ping_status": "closed",
    }
    if media_ids.get(a["slug"]):
        body["featured_media"] = media_ids[a["slug"]]
    post_ids[a["slug"]] = api("POST", "/wp/v2/posts", body)["id"]
    set_modified(post_ids[a["slug"]], a.get("modified") or a["published"])
say(f"{len(post_ids)} articles")

# ---- comments: threads in file order (oldest first), parents mapped to the new ids ---------
def seed_comments(slug):
    path = os.path.join(CONTENT, "comments", f"{slug}.json")
    if not os.path.exists(path):
        return 0
    ids = {}
    for c in load(path)["comments"]:
        author = c.get("author") or {}
        body = {"post": post_ids[slug], "content": c["html"], "date_gmt": gmt(c["date"]),
                "author_name": author.get("name") or "Anonymous",
                "author_email": email_for(author.get("name") or "reader"),
                "status": "approved"}
        if author.get("url"):
            body["author_url"] = author["url"]
        if c.get("parent"):
            body["parent"] = ids[c["parent"]]
        ids[c["id"]] = api("POST", "/wp/v2/comments", body)["id"]
    return len(ids)


n_comments = sum(parallel(seed_comments, [a["slug"] for a in articles]))
for a in articles:
    if not (a.get("comments") or {}).get("open", True):
        api("POST", f"/wp/v2/posts/{post_ids[a['slug']]}", {"comment_status": "closed"})
say(f"{n_comments} comments")

# ---- two posts that exist only for tests ---------------------------------------------------
first_author = user_ids[authors[0]["slug"]]
news = cat_ids[categories[0]["slug"]]
extra = [
    {"slug": "members-only-briefing", "title": "Members-only briefing", "password": "letmein",
     "excerpt": "A briefing for members. The password is in the newsletter.",
     "content": "<p>This briefing is for members only.</p><p>If you can read this, the password worked.</p>"},
    {"slug": "hostile-markup-test", "title": "Hostile markup test",
     "excerpt": "A post whose body tries every trick a sanitizer must stop.",
     "content": "".join([
         '<p>Intro paragraph that must survive.</p>',
         '<script>window.pwned = "script"</script>',
         '<p><img src="/nope.png" onerror="window.pwned = \'onerror\'" alt="broken picture"></p>',
         '<p><a href="javascript:window.pwned=\'link\'">javascript link</a> and a '
         '<a href="https://example.com/" onclick="window.pwned=\'onclick\'">normal link</a></p>',
         '<iframe src="https://evil.example/" width="560" height="315"></iframe>',
         '<svg onload="window.pwned=\'svg\'"><circle cx="5" cy="5" r="4"/></svg>',
         '<p style="position:fixed;top:0;left:0;width:100%;height:100%;background:red" '
         'onmouseover="window.pwned=\'hover\'">Styled paragraph with an inline style.</p>',
         '<iframe srcdoc="<script>parent.pwned=\'iframe\'</script>"></iframe>',
         '<math><mtext><table><mglyph><style><img src=x onerror="window.pwned=\'mxss\'">',
         '<p>Closing paragraph that must survive.</p>'])},
]
for e in extra:
    post = api("POST", "/wp/v2/posts", {**e, "status": "publish", "date_gmt": EXTRA_POST_DATE,
                                         "author": first_author, "categories": [news]})
    set_modified(post["id"], EXTRA_POST_DATE + "Z")
say(f"{len(extra)} test posts (members-only-briefing: password 'letmein'; hostile-markup-test)")

# ---- pages ---------------------------------------------------------------------------------
n_pages = 0
for path in sorted(glob.glob(os.path.join(CONTENT, "pages", "*.json"))):
    p = load(path)
    # By a demo author, not the admin: a user with published content is listed by /wp/v2/users.
    body = {"slug": p["slug"], "title": p["title"], "content": p["body"], "status": "publish",
            "author": first_author}
    if p.get("modified"):
        body["date_gmt"] = gmt(p["modified"])  # pages carry no publication date of their own
    page = api("POST", "/wp/v2/pages", body)
    if p.get("modified"):
        set_modified(page["id"], p["modified"])
    n_pages += 1
say(f"{n_pages} pages")

with open(os.path.join(WORK, "finish.sql"), "w") as f:
    f.write("\n".join(finish_sql) + "\n")
say(f"done: {requests_made} REST requests")
