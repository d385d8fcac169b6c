#!/usr/bin/env python3
"""Generate the demo's one big comment thread (150 comments) deterministically.

    python3 scripts/demo/make_big_thread.py [public/content]

Writes comments/{SLUG}.json for the reciprocity explainer: threaded reader comments (replies up to
four levels deep), oldest first, assembled from the original sentence fragments below with a fixed
random seed, so every run produces the same file. It also sets that article's comments.count to
the number written, so the two can never disagree.
"""

import datetime as dt
import json
import os
import random
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
CONTENT = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "public", "content")

SLUG = "concealed-carry-reciprocity-bill-explained"
COUNT = 150
SEED = 212
MAX_DEPTH = 3  # 0 = top level, so at most four levels

FIRST = ["Alan", "Bethany", "Curtis", "Dolores", "Earl", "Fiona", "Grant", "Hattie", "Irwin", "Janelle",
         "Kurt", "Loretta", "Marcus", "Nell", "Otis", "Paula", "Quentin", "Rosa", "Stan", "Trudy",
         "Vernon", "Wanda", "Yusuf", "Zelda", "Boyd", "Celeste", "Dmitri", "Esther", "Floyd", "Gwen"]
LAST = ["Abernethy", "Bramwell", "Cutler", "Dunmore", "Ellison", "Fairbanks", "Grissom", "Holloway",
        "Ingram", "Jessup", "Kowalczyk", "Lockhart", "Mayfield", "Northrup", "Ostrander", "Pruitt",
        "Quimby", "Redfern", "Stroud", "Tolbert", "Upshaw", "Vandermeer", "Whitlock", "Yarbrough"]

OPENERS = [
    "Good explainer.", "Thanks for laying this out plainly.", "Long-time reader, rare commenter.",
    "I have held a permit for nineteen years.", "Speaking as a retired deputy,", "I drive across the state line for work twice a week.",
    "Read the whole thing twice.", "Honest question here.", "I was on the fence about this bill.",
    "As a range safety officer,", "My wife and I both carry.", "I live about ten minutes from the line.",
    "This is the first article on the bill that actually explained it.", "Not a gun owner myself, but",
    "Hunter and permit holder here.", "My father taught the permit class in our county for years, and",
    "After reading this,", "Small business owner near the border.",
]
POINTS = [
    "the current list of recognized states changes every time the attorney general changes, and that is no way to write criminal law",
    "the training requirement is the part I would hate to lose, because eight hours with live fire taught me a lot",
    "nobody has shown me a single case where a visiting permit holder caused a problem in this state",
    "the bill keeps every prohibited place on the books, which a lot of people online seem to have missed",
    "the ID-and-disclose amendment sounds like a reasonable compromise to me",
    "officers need a way to verify an out-of-state permit at 2 a.m. on a traffic stop, and right now they often cannot",
    "a retired nurse getting arrested for driving to a recital should embarrass everyone involved",
    "the sheriffs backing this tells me more than any press release from either side",
    "limiting it to states with training requirements just rebuilds the old list with a new label",
    "my permit from home required more paperwork than my mortgage, so the 'weakest standard' talk rings hollow",
    "if the House sits on it again, it will be a campaign issue in every rural district",
    "the attorney general has a fair point about states with no training at all",
    "people forget that visitors would still be bound by every one of our rules once they are here",
    "residents would still need a state permit, so nobody here is getting out of the class",
    "the numbers on revocations are lower than I would have guessed",
    "the real test is whether the Senate actually schedules a floor vote before December",
    "half the calls my office gets in the fall are from hunters crossing the line with a handgun in the truck",
    "I would like to hear more from the police chiefs, since they have been quiet on the record",
    "most of the people this affects are not activists, they are grandparents going to birthday parties",
    "a misdemeanor on your record follows you for years, even if the charge is eventually dropped",
    "the 90-day delay before it takes effect seems sensible so agencies can update their training",
    "the fact that four states were dropped in 2023 tells you the list is politics, not safety",
    "the chart of who supports and opposes it would make a good follow-up",
    "nothing in this bill changes who can legally own a gun in the first place",
]
CLOSERS = [
    "Pass it and move on.", "Curious what others think.", "Just my two cents.",
    "Happy to be corrected if I have the details wrong.", "Call your representative either way.",
    "We will see what the House does.", "That is the whole argument, as far as I am concerned.", "",
    "", "",
]
REPLY_OPENERS = [
    "Fair point, but", "I see it differently:", "Agreed, and", "Respectfully,", "That is true as far as it goes, but",
    "Exactly right.", "Not quite.", "You are both partly right.", "Had the same thought.", "Playing devil's advocate:",
    "Good question.", "This is the key point.",
]
REPLY_POINTS = [
    "the article says visitors still have to follow the prohibited-places list",
    "the state police numbers only cover in-state permits, so we do not really know about visitors",
    "a court is not going to fix this for us, so it has to be the legislature",
    "plenty of states already do this and the sky has not fallen",
    "training matters, but so does not turning travelers into criminals",
    "the disclose-if-stopped rule would help the officers a lot",
    "the sponsor has been at this for three sessions, so she is not going anywhere",
    "I would rather see it done right than done fast",
    "my county sheriff testified for it and he is no pushover",
    "the governor's race is going to decide this more than any hearing",
    "the explainer covers that in the section on amendments",
    "that only works if every state shares its permit database",
    "my neighbor got caught in exactly this situation and it cost him two thousand dollars in legal fees",
    "the bill would not let anyone carry into a courthouse or a school, period",
    "the House speaker has promised a hearing, which is more than last year",
    "both candidates for governor were asked about this, and only one gave a straight answer",
    "a permit still requires a background check in every state that issues one",
    "the training hours differ, but the background check is what actually screens people out",
    "you can support training and still think jailing travelers is the wrong tool",
    "the attorney general testified against it, so do not expect her office to help",
]
REPLY_CLOSERS = ["", "", "", "Read the amendments section again.", "We agree more than it sounds like.",
                 "Thanks for keeping it civil.", "Either way, good discussion.", "Just something to consider."]
LINKS = [
    ('the explainer', '/article/concealed-carry-reciprocity-bill-explained'),
    ('Martin Kessling\'s column', '/article/opinion-reciprocity-is-common-sense'),
    ('the debate story', '/article/governor-race-debate-benning-ostrowski'),
]


CONTINUES = (",", ":", " but", " and")  # openers that run on into the point


def sentence(text):
    text = text.strip()
    return text[0].upper() + text[1:] + ("" if text.endswith((".", "?", "!")) else ".")


def run_on(opener, point):
    """The opener and the point as one sentence, or as two when the opener ends one."""
    if opener.endswith(CONTINUES):
        return f"{opener} {point}."
    return f"{opener} {sentence(point)}"


def top_level(rnd):
    opener = rnd.choice(OPENERS)
    point = rnd.choice(POINTS)
    body = run_on(opener, point)
    closer = rnd.choice(CLOSERS)
    if rnd.random() < 0.12:
        body = body.replace("bill", "<em>bill</em>", 1)
    return " ".join(x for x in (body, closer) if x)


def reply(rnd):
    opener = rnd.choice(REPLY_OPENERS)
    point = rnd.choice(REPLY_POINTS)
    body = run_on(opener, point)
    if rnd.random() < 0.08:
        label, href = rnd.choice(LINKS)
        body += f' See <a href="{href}">{label}</a>.'
    closer = rnd.choice(REPLY_CLOSERS)
    return " ".join(x for x in (body, closer) if x)


def main():
    rnd = random.Random(SEED)
    article_path = os.path.join(CONTENT, "articles", f"{SLUG}.json")
    with open(article_path, encoding="utf-8") as f:
        article = json.load(f)
    prefix = article["id"]
    when = dt.datetime.fromisoformat(article["published"].replace("Z", "+00:00"))

    first, last = FIRST[:], LAST[:]
    rnd.shuffle(first)
    rnd.shuffle(last)
    # 48 distinct readers: no two share both a first and a last name
    people = [f"{first[i % len(first)]} {last[(i * 5 + i // len(last)) % len(last)]}" for i in range(48)]
    regulars = people[:8]  # a few readers who keep coming back

    comments, depth, authors = [], {}, {}
    for n in range(1, COUNT + 1):
        # comments arrive fast on the first day, then slow down
        gap = rnd.randint(2, 25) if n < 60 else rnd.randint(15, 120)
        when += dt.timedelta(minutes=gap, seconds=rnd.randint(0, 59))
        cid = f"{prefix}-{n}"
        parent = None
        if comments and rnd.random() < 0.58:
            # prefer replying to recent comments that are not already at the deepest level
            candidates = [c["id"] for c in comments[-25:] if depth[c["id"]] < MAX_DEPTH]
            if candidates:
                parent = rnd.choice(candidates)
        name = rnd.choice(regulars) if rnd.random() < 0.3 else rnd.choice(people)
        if parent is not None:
            while name == authors[parent]:
                name = rnd.choice(people)
        depth[cid] = 0 if parent is None else depth[parent] + 1
        authors[cid] = name
        url = None
        if rnd.random() < 0.07:
            url = "https://example.com/" + name.lower().replace(" ", "-")
        comments.append({
            "id": cid,
            "parent": parent,
            "author": {"name": name, "url": url, "avatar": None},
            "date": when.strftime("%Y-%m-%dT%H:%M:%SZ"),
            "html": f"<p>{reply(rnd) if parent else top_level(rnd)}</p>",
            "status": "approved",
        })

    out = os.path.join(CONTENT, "comments", f"{SLUG}.json")
    os.makedirs(os.path.dirname(out), exist_ok=True)
    with open(out, "w", encoding="utf-8", newline="\n") as f:
        json.dump({"comments": comments}, f, indent=2, ensure_ascii=False)
        f.write("\n")

    article["comments"]["count"] = len(comments)
    with open(article_path, "w", encoding="utf-8", newline="\n") as f:
        json.dump(article, f, indent=2, ensure_ascii=False)
        f.write("\n")
    deepest = max(depth.values()) + 1
    print(f"wrote {len(comments)} comments ({deepest} levels deep) to {out}")


if __name__ == "__main__":
    main()
