/*
 * \brief  Unit test of scout's parser: the markup, and what a hostile
 *         module gets (placeholders and reports naming document and line)
 */

#include <stdio.h>
#include <string.h>

#include "cases.h"
#include "fixture.h"

void
parse_markup(void)
{
	struct scout_doc d;
	CHECK_EQ(fixture_parse(&d, "a.txt",
	                       "= Title {#top}\n"
	                       "first line\n"
	                       "  second line\n"
	                       "\n"
	                       "== Sub {#sub}\n"
	                       "see [[#sub|this part]], [[b.txt#x|other]] [[b.txt]]\n"
	                       "[image pic.img]\n"
	                       "\\[[not a link\n"),
	         STATUS_OK);
	CHECK_STR(fixture_reports, "");
	CHECK_EQ(d.block_count, 6);
	CHECK_EQ(d.blocks[0].kind, SCOUT_H1);
	CHECK_STR(scout_doc_str(&d, d.blocks[0].anchor), "top");
	CHECK_EQ(d.blocks[1].kind, SCOUT_PARA);
	CHECK_EQ(d.blocks[1].word_count, 4); /* the paragraph's two lines joined */
	CHECK_STR(fixture_word(&d, d.blocks[1].first_word + 2), "second");
	CHECK_EQ(d.blocks[2].kind, SCOUT_H2);
	CHECK_EQ(d.blocks[2].line, 5);
	CHECK_EQ(d.blocks[3].kind, SCOUT_PARA);
	CHECK_EQ(d.blocks[4].kind, SCOUT_IMAGE);
	CHECK_STR(scout_doc_str(&d, d.blocks[4].image), "pic.img");
	CHECK_EQ(d.blocks[5].kind, SCOUT_PARA); /* the escaped "[[" after the image */
	CHECK_STR(fixture_word(&d, d.blocks[5].first_word), "[[not");

	/* "see", "this", "part", ",", "other", "b.txt" */
	CHECK_EQ(d.link_count, 3);
	uint32_t w = d.blocks[3].first_word;
	CHECK_EQ(d.blocks[3].word_count, 6);
	CHECK_STR(fixture_word(&d, w + 1), "this");
	CHECK_EQ(d.words[w + 1].kind, SCOUT_WORD_LINK);
	CHECK_EQ(d.words[w + 1].link, 0);
	CHECK_EQ(d.words[w + 1].space_after, 1);
	CHECK_EQ(d.words[w + 2].space_after, 0); /* "part" and "," touch */
	CHECK_STR(fixture_word(&d, w + 3), ",");
	CHECK_EQ(d.words[w + 3].link, -1);
	CHECK_EQ(d.words[w + 3].space_after, 1);
	CHECK_STR(scout_doc_str(&d, d.links[1].doc), "b.txt");
	CHECK_STR(scout_doc_str(&d, d.links[1].anchor), "x");
	CHECK_STR(fixture_word(&d, w + 5), "b.txt"); /* [[target]] shows the target */
	CHECK_STR(scout_doc_str(&d, d.links[2].anchor), "");
	CHECK_EQ(d.links[2].line, 6);
	CHECK_EQ(scout_doc_anchor_find(&d, "sub"), 2);
	CHECK_EQ(scout_doc_anchor_find(&d, "nope"), -1);
	CHECK_EQ(scout_doc_anchor_find(&d, ""), 0);
	fixture_finish(&d);
}

/* the count of words of kind with text in d */
static unsigned
parse_count(const struct scout_doc *d, const char *text, enum scout_word_kind kind)
{
	unsigned n = 0;
	for (size_t w = 0; w < d->word_count; w++)
		n += d->words[w].kind == kind && !strcmp(fixture_word(d, w), text);
	return n;
}

void
parse_hostile_markup(void)
{
	struct scout_doc d;
	CHECK_EQ(fixture_parse(&d, "bad.txt",
	                       "=== too deep\n"
	                       "=no space\n"
	                       "[frame x]\n"
	                       "a [[#top|never closed\n"
	                       "[[bad target!|shown]] [[|empty]] [[#|x]]\n"
	                       "[[#nowhere|lost]]\n"
	                       "= H {#bad anchor}\n"
	                       "[image ../etc/passwd]\n"
	                       "ctl\x01z\n"
	                       "= A {#a}\n"
	                       "= B {#a}\n"),
	         STATUS_OK);
	const char *want[] = {
	        "bad.txt:1: unknown markup \"=== too dee\"",
	        "bad.txt:2: unknown markup \"=no space\"",
	        "bad.txt:3: unknown markup \"[frame x]\"",
	        "bad.txt:4: unterminated link",
	        "bad.txt:5: bad link target \"bad target!\"",
	        "bad.txt:5: bad link target \"\"",
	        "bad.txt:5: bad link target \"#\"",
	        "bad.txt:7: bad anchor",
	        "bad.txt:8: bad image name",
	        "bad.txt:9: control characters shown as '?'",
	        "bad.txt:11: anchor \"a\" defined twice",
	        "bad.txt:6: link to \"#nowhere\": no such anchor",
	};
	for (unsigned i = 0; i < sizeof(want) / sizeof(want[0]); i++)
		if (!CHECK(strstr(fixture_reports, want[i])))
			printf("  missing report: %s\n", want[i]);
	CHECK_EQ(d.problems, sizeof(want) / sizeof(want[0]));
	CHECK_EQ(parse_count(&d, "[?]", SCOUT_WORD_BAD), 3);
	CHECK_EQ(parse_count(&d, "[[?", SCOUT_WORD_BAD), 1);
	CHECK_EQ(parse_count(&d, "shown", SCOUT_WORD_BAD), 1);
	CHECK_EQ(parse_count(&d, "lost", SCOUT_WORD_BAD), 1); /* its target is missing */
	CHECK_EQ(parse_count(&d, "[anchor?]", SCOUT_WORD_BAD), 1);
	CHECK_EQ(parse_count(&d, "[image?]", SCOUT_WORD_BAD), 1);
	CHECK_EQ(parse_count(&d, "ctl?z", SCOUT_WORD_TEXT), 1);
	CHECK_EQ(parse_count(&d, "closed", SCOUT_WORD_TEXT), 1); /* the rest stays text */
	fixture_finish(&d);
}

void
parse_overlong(void)
{
	static char text[3000];
	struct scout_doc d;

	/* line 2: one word of 100 bytes; line 3: 1500 bytes of short words */
	size_t n = (size_t)sprintf(text, "intro\n");
	memset(text + n, 'w', 100);
	n += 100;
	text[n++] = '\n';
	for (unsigned i = 0; i < 500; i++)
		n += (size_t)sprintf(text + n, "ab ");
	sprintf(text + n, "\nlast\n");
	CHECK_EQ(fixture_parse(&d, "long.txt", text), STATUS_OK);
	CHECK(strstr(fixture_reports, "long.txt:2: word longer than 48 bytes cut"));
	CHECK(strstr(fixture_reports, "long.txt:3: line longer than 1024 bytes cut"));
	CHECK_EQ(d.problems, 2);
	CHECK_EQ(d.words[1].len, SCOUT_WORD_MAX);
	CHECK_STR(fixture_word(&d, 2), "[cut]");
	/* 1024 bytes of "ab ": 341 words and an "a", then the placeholder */
	CHECK_EQ(parse_count(&d, "ab", SCOUT_WORD_TEXT), 341);
	CHECK_STR(fixture_word(&d, 3 + 341), "a");
	CHECK_STR(fixture_word(&d, 3 + 342), "[line cut]");
	CHECK_STR(fixture_word(&d, 3 + 343), "last"); /* parsing went on */
	fixture_finish(&d);
}

void
parse_empty_and_nul(void)
{
	struct scout_doc d;
	CHECK_EQ(fixture_parse(&d, "empty.txt", "\n\n   \n"), STATUS_OK);
	CHECK(strstr(fixture_reports, "empty.txt:3: document is empty"));
	CHECK_EQ(d.word_count, 1);
	CHECK_EQ(d.words[0].kind, SCOUT_WORD_BAD);
	fixture_finish(&d);

	struct test_heap th;
	test_heap_init(&th, SIZE_MAX);
	CHECK_EQ(fixture_parse_counted(&d, "nul.txt", "a\0b\n= \0\n", 8, &th.heap), STATUS_OK);
	CHECK(strstr(fixture_reports, "nul.txt:1: control characters"));
	CHECK_STR(fixture_word(&d, 0), "a?b");
	fixture_finish(&d);
	test_heap_fini(&th);
}

/* a heap too small for the document: refused, the document empty but usable */
void
parse_out_of_quota(void)
{
	static const char text[] = "= Heading\nsome words in a paragraph [[#x|link]]\n";
	struct test_heap th;
	struct scout_doc d;

	test_heap_init(&th, 64);
	CHECK_EQ(fixture_parse_counted(&d, "q.txt", text, sizeof(text) - 1, &th.heap),
	         STATUS_OUT_OF_MEMORY);
	CHECK_EQ(d.block_count, 0);
	CHECK_EQ(d.word_count, 0);
	CHECK_EQ(th.bytes, 0); /* everything given back */
	CHECK_STR(d.name, "q.txt");
	scout_doc_free(&d);
	test_heap_fini(&th);
}

/* every offset and index of d lies inside what d holds */
static bool
parse_consistent(const struct scout_doc *d)
{
	size_t words = 0;
	for (size_t b = 0; b < d->block_count; b++) {
		const struct scout_block *blk = &d->blocks[b];
		if (blk->first_word != words || blk->anchor >= d->pool_len ||
		    blk->image >= d->pool_len)
			return false;
		words += blk->word_count;
	}
	if (words != d->word_count)
		return false;
	for (size_t w = 0; w < d->word_count; w++) {
		const struct scout_word *wd = &d->words[w];
		if (wd->text + wd->len >= d->pool_len || wd->len > SCOUT_WORD_MAX ||
		    strlen(d->pool + wd->text) != wd->len || wd->link >= (int32_t)d->link_count)
			return false;
		if (wd->kind == SCOUT_WORD_LINK && wd->link < 0)
			return false;
	}
	return true;
}

/* random documents from markup's own characters: no crash, always consistent */
void
parse_random(void)
{
	static const char alphabet[] = "[]|#={}\\ \n\tab.image\x01\xc3";
	static char text[600];
	struct scout_doc d;

	test_random_seed(0x5c0a7u);
	for (unsigned round = 0; round < 3000; round++) {
		size_t len = test_random(sizeof(text));
		for (size_t i = 0; i < len; i++)
			text[i] = alphabet[test_random(sizeof(alphabet) - 1)];
		struct test_heap th;
		test_heap_init(&th, SIZE_MAX);
		if (fixture_parse_counted(&d, "r.txt", text, len, &th.heap) != STATUS_OK ||
		    !parse_consistent(&d)) {
			CHECK(!"random document parsed consistently");
			printf("  round %u\n", round);
			scout_doc_free(&d);
			test_heap_fini(&th);
			return;
		}
		scout_doc_free(&d);
		test_heap_fini(&th);
	}
}
