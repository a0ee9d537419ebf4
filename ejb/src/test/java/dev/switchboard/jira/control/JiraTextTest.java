package dev.switchboard.jira.control;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import org.junit.jupiter.api.Test;

class JiraTextTest {

    private static JsonObject json(String text) {
        return Json.createReader(new StringReader(text)).readObject();
    }

    @Test
    void wikiMarkupBecomesReadablePlainText() {
        String wiki = """
                h3. Steps to reproduce
                # Open [the checkout|https://shop.acme.com/checkout]
                # Pay with a *saved* card
                * see [https://github.com/acme/api/issues/12]

                bq. It worked in 2.3.
                {quote}
                Payment failed: card_declined
                {quote}
                {code:java}
                throw new PaymentException(reason);
                {code}
                Assigned to [~accountid:5b10ac8d82e05b22cc7d4ef5], the field is {{order_id}} and 5 \\* 3 stays.""";
        assertThat(JiraText.fromWiki(wiki)).isEqualTo("""
                Steps to reproduce
                - Open the checkout (https://shop.acme.com/checkout)
                - Pay with a saved card
                - see https://github.com/acme/api/issues/12

                > It worked in 2.3.
                > Payment failed: card_declined
                throw new PaymentException(reason);
                Assigned to @5b10ac8d82e05b22cc7d4ef5, the field is order_id and 5 * 3 stays.""");
    }

    @Test
    void aDocumentInAtlassianDocumentFormatBecomesPlainText() {
        JsonObject adf = json("""
                {"version":1,"type":"doc","content":[
                  {"type":"heading","attrs":{"level":3},"content":[{"type":"text","text":"Checkout fails"}]},
                  {"type":"paragraph","content":[
                    {"type":"mention","attrs":{"id":"5b10ac8d","text":"@Mia Krystof"}},
                    {"type":"text","text":" the bug is in "},
                    {"type":"text","text":"the API","marks":[{"type":"link","attrs":{"href":"https://github.com/acme/api"}}]},
                    {"type":"hardBreak"},
                    {"type":"text","text":"order_id","marks":[{"type":"code"}]}]},
                  {"type":"bulletList","content":[
                    {"type":"listItem","content":[{"type":"paragraph","content":[{"type":"text","text":"first"}]}]},
                    {"type":"listItem","content":[{"type":"paragraph","content":[{"type":"text","text":"second"}]}]}]},
                  {"type":"blockquote","content":[{"type":"paragraph","content":[{"type":"text","text":"quoted"}]}]},
                  {"type":"codeBlock","attrs":{"language":"java"},"content":[{"type":"text","text":"int x = 1;"}]},
                  {"type":"paragraph","content":[{"type":"inlineCard","attrs":{"url":"https://gitlab.com/acme/platform/infra"}}]}
                ]}""");
        assertThat(JiraText.fromAdf(adf)).isEqualTo("""
                Checkout fails

                @Mia Krystof the bug is in the API (https://github.com/acme/api)
                order_id

                - first
                - second
                > quoted

                int x = 1;

                https://gitlab.com/acme/platform/infra""");
    }

    @Test
    void eitherRepresentationOrNothing() {
        assertThat(JiraText.plain(Json.createValue("*bold* text"))).isEqualTo("bold text");
        assertThat(JiraText.plain(json("{\"type\":\"doc\",\"content\":[{\"type\":\"paragraph\",\"content\":"
                + "[{\"type\":\"text\",\"text\":\"hello\"}]}]}"))).isEqualTo("hello");
        assertThat(JiraText.plain(JsonValue.NULL)).isEmpty();
        assertThat(JiraText.plain(null)).isEmpty();
        assertThat(JiraText.fromWiki(null)).isEmpty();
    }
}
