package dev.switchboard.jira.control;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class JiraMarkdownTest {

    private static final String SUMMARY = """
            ## Fixed the flaky `InvoiceTest`

            The test failed when the **clock** crossed midnight. I changed:

            1. `InvoiceClock` to take a `java.time.Clock`
            2. the test to use a *fixed* clock
               - in `setUp`
               - in `tearDown`

            ```java
            Clock clock = Clock.fixed(Instant.parse("2024-03-20T23:59:59Z"), ZoneOffset.UTC);
            ```

            See [PR #42](https://github.com/acme/billing/pull/42) for details.
            """;

    @Nested
    class Wiki {

        @Test
        void headings() {
            assertThat(JiraMarkdown.toWiki("# One\n\n### Three\n\n###### Six")).isEqualTo("h1. One\n\nh3. Three\n\nh6. Six");
        }

        @Test
        void boldItalicAndInlineCode() {
            assertThat(JiraMarkdown.toWiki("Make **this** _really_ clear with `mvn -q test`."))
                    .isEqualTo("Make *this* _really_ clear with {{mvn -q test}}.");
        }

        @Test
        void nestedEmphasis() {
            assertThat(JiraMarkdown.toWiki("***both***")).isEqualTo("_*both*_");
        }

        @Test
        void codeBlocksWithAndWithoutALanguage() {
            assertThat(JiraMarkdown.toWiki("```python\nprint('*hi*')\n```\n\n    indented {x}\n"))
                    .isEqualTo("{code:python}\nprint('*hi*')\n{code}\n\n{code}\nindented {x}\n{code}");
            assertThat(JiraMarkdown.toWiki("```\nplain\n```")).isEqualTo("{code}\nplain\n{code}");
        }

        @Test
        void links() {
            assertThat(JiraMarkdown.toWiki("Read [the docs](https://docs.acme.test/a?b=1) or <https://acme.test>."))
                    .isEqualTo("Read [the docs|https://docs.acme.test/a?b=1] or [https://acme.test].");
        }

        @Test
        void aLinkTargetCannotBreakOutOfTheLink() {
            assertThat(JiraMarkdown.toWiki("[x](<https://a.test/p|q]r>)")).isEqualTo("[x|https://a.test/p%7Cq%5Dr]");
        }

        @Test
        void bulletAndNumberedListsWithNesting() {
            assertThat(JiraMarkdown.toWiki("""
                    - one
                    - two
                      - two a
                        1. deep
                    - three

                    1. first
                    2. second
                       - bullet in numbered
                    """)).isEqualTo("""
                    * one
                    * two
                    ** two a
                    **# deep
                    * three

                    # first
                    # second
                    #* bullet in numbered""");
        }

        @Test
        void blockQuotes() {
            assertThat(JiraMarkdown.toWiki("> quoted **text**\n>\n> second paragraph"))
                    .isEqualTo("{quote}\nquoted *text*\n\nsecond paragraph\n{quote}");
        }

        @Test
        void lineBreaks() {
            assertThat(JiraMarkdown.toWiki("soft\nbreak\n\nhard  \nbreak")).isEqualTo("soft\nbreak\n\nhard\\\\\nbreak");
        }

        @Test
        void escapesWikiSyntaxInPlainText() {
            assertThat(JiraMarkdown.toWiki("a snake_case name, {braces}, [brackets] and a\\*star\\*"))
                    .isEqualTo("a snake\\_case name, \\{braces\\}, \\[brackets\\] and a\\*star\\*");
        }

        @Test
        void theRestOfMarkdown() {
            assertThat(JiraMarkdown.toWiki("above\n\n---\n\n![diagram](https://acme.test/d.png)"))
                    .isEqualTo("above\n\n----\n\n!https://acme.test/d.png!");
            assertThat(JiraMarkdown.toWiki("")).isEmpty();
            assertThat(JiraMarkdown.toWiki(null)).isEmpty();
        }

        @Test
        void anAgentSummary() {
            assertThat(JiraMarkdown.toWiki(SUMMARY)).isEqualTo("""
                    h2. Fixed the flaky {{InvoiceTest}}

                    The test failed when the *clock* crossed midnight. I changed:

                    # {{InvoiceClock}} to take a {{java.time.Clock}}
                    # the test to use a _fixed_ clock
                    #* in {{setUp}}
                    #* in {{tearDown}}

                    {code:java}
                    Clock clock = Clock.fixed(Instant.parse("2024-03-20T23:59:59Z"), ZoneOffset.UTC);
                    {code}

                    See [PR #42|https://github.com/acme/billing/pull/42] for details.""");
        }
    }

    @Nested
    class Adf {

        private JsonObject doc(String content) {
            try (var reader = Json.createReader(new StringReader("{\"version\":1,\"type\":\"doc\",\"content\":" + content + "}"))) {
                return reader.readObject();
            }
        }

        @Test
        void anEmptyDocument() {
            assertThat(JiraMarkdown.toAdf("")).isEqualTo(doc("[]"));
            assertThat(JiraMarkdown.toAdf("").toString()).isEqualTo("{\"version\":1,\"type\":\"doc\",\"content\":[]}");
        }

        @Test
        void paragraphsAndHeadings() {
            assertThat(JiraMarkdown.toAdf("# Title\n\nSome text.\n\n### Sub")).isEqualTo(doc("""
                    [{"type":"heading","attrs":{"level":1},"content":[{"type":"text","text":"Title"}]},
                     {"type":"paragraph","content":[{"type":"text","text":"Some text."}]},
                     {"type":"heading","attrs":{"level":3},"content":[{"type":"text","text":"Sub"}]}]"""));
        }

        @Test
        void marks() {
            assertThat(JiraMarkdown.toAdf("a **b** _c_ `d` [e](https://e.test) **[_f_](https://f.test)**")).isEqualTo(doc("""
                    [{"type":"paragraph","content":[
                      {"type":"text","text":"a "},
                      {"type":"text","text":"b","marks":[{"type":"strong"}]},
                      {"type":"text","text":" "},
                      {"type":"text","text":"c","marks":[{"type":"em"}]},
                      {"type":"text","text":" "},
                      {"type":"text","text":"d","marks":[{"type":"code"}]},
                      {"type":"text","text":" "},
                      {"type":"text","text":"e","marks":[{"type":"link","attrs":{"href":"https://e.test"}}]},
                      {"type":"text","text":" "},
                      {"type":"text","text":"f","marks":[{"type":"strong"},{"type":"link","attrs":{"href":"https://f.test"}},{"type":"em"}]}
                    ]}]"""));
        }

        @Test
        void codeKeepsOnlyALinkBesideIt() {
            assertThat(JiraMarkdown.toAdf("**`x`** [`y`](https://y.test)")).isEqualTo(doc("""
                    [{"type":"paragraph","content":[
                      {"type":"text","text":"x","marks":[{"type":"code"}]},
                      {"type":"text","text":" "},
                      {"type":"text","text":"y","marks":[{"type":"code"},{"type":"link","attrs":{"href":"https://y.test"}}]}
                    ]}]"""));
        }

        @Test
        void codeBlocks() {
            assertThat(JiraMarkdown.toAdf("```kotlin\nval x = 1\nval y = 2\n```\n\n    plain\n")).isEqualTo(doc("""
                    [{"type":"codeBlock","attrs":{"language":"kotlin"},"content":[{"type":"text","text":"val x = 1\\nval y = 2"}]},
                     {"type":"codeBlock","content":[{"type":"text","text":"plain"}]}]"""));
        }

        @Test
        void listsWithNestingAndAStartNumber() {
            assertThat(JiraMarkdown.toAdf("- a\n  - b\n\n3. c\n4. d")).isEqualTo(doc("""
                    [{"type":"bulletList","content":[
                       {"type":"listItem","content":[
                         {"type":"paragraph","content":[{"type":"text","text":"a"}]},
                         {"type":"bulletList","content":[
                           {"type":"listItem","content":[{"type":"paragraph","content":[{"type":"text","text":"b"}]}]}]}]}]},
                     {"type":"orderedList","attrs":{"order":3},"content":[
                       {"type":"listItem","content":[{"type":"paragraph","content":[{"type":"text","text":"c"}]}]},
                       {"type":"listItem","content":[{"type":"paragraph","content":[{"type":"text","text":"d"}]}]}]}]"""));
        }

        @Test
        void blockQuotesAndBreaks() {
            assertThat(JiraMarkdown.toAdf("> one\n> two  \n> three\n\n---")).isEqualTo(doc("""
                    [{"type":"blockquote","content":[{"type":"paragraph","content":[
                       {"type":"text","text":"one"},{"type":"hardBreak"},{"type":"text","text":"two"},{"type":"hardBreak"},
                       {"type":"text","text":"three"}]}]},
                     {"type":"rule"}]"""));
        }

        @Test
        void anAgentSummary() {
            assertThat(JiraMarkdown.toAdf(SUMMARY)).isEqualTo(doc("""
                    [{"type":"heading","attrs":{"level":2},"content":[
                       {"type":"text","text":"Fixed the flaky "},
                       {"type":"text","text":"InvoiceTest","marks":[{"type":"code"}]}]},
                     {"type":"paragraph","content":[
                       {"type":"text","text":"The test failed when the "},
                       {"type":"text","text":"clock","marks":[{"type":"strong"}]},
                       {"type":"text","text":" crossed midnight. I changed:"}]},
                     {"type":"orderedList","content":[
                       {"type":"listItem","content":[{"type":"paragraph","content":[
                         {"type":"text","text":"InvoiceClock","marks":[{"type":"code"}]},
                         {"type":"text","text":" to take a "},
                         {"type":"text","text":"java.time.Clock","marks":[{"type":"code"}]}]}]},
                       {"type":"listItem","content":[
                         {"type":"paragraph","content":[
                           {"type":"text","text":"the test to use a "},
                           {"type":"text","text":"fixed","marks":[{"type":"em"}]},
                           {"type":"text","text":" clock"}]},
                         {"type":"bulletList","content":[
                           {"type":"listItem","content":[{"type":"paragraph","content":[
                             {"type":"text","text":"in "},{"type":"text","text":"setUp","marks":[{"type":"code"}]}]}]},
                           {"type":"listItem","content":[{"type":"paragraph","content":[
                             {"type":"text","text":"in "},{"type":"text","text":"tearDown","marks":[{"type":"code"}]}]}]}]}]}]},
                     {"type":"codeBlock","attrs":{"language":"java"},"content":[{"type":"text",
                       "text":"Clock clock = Clock.fixed(Instant.parse(\\"2024-03-20T23:59:59Z\\"), ZoneOffset.UTC);"}]},
                     {"type":"paragraph","content":[
                       {"type":"text","text":"See "},
                       {"type":"text","text":"PR #42","marks":[{"type":"link","attrs":{"href":"https://github.com/acme/billing/pull/42"}}]},
                       {"type":"text","text":" for details."}]}]"""));
        }
    }
}
