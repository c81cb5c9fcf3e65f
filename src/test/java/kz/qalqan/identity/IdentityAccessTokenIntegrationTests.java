package kz.qalqan.identity;

import kz.qalqan.support.ApiClient;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class IdentityAccessTokenIntegrationTests extends SignInTestSupport {

    JsonNode issue(ApiClient owner, String name, Integer days) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", name);
        body.put("expiresInDays", days);
        var r = owner.postJson("/api/users/me/tokens", body);
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.json();
    }

    @Test
    void issuesATokenShownOnceThatSignsInAsItsOwnerWithTheirGrants() {
        String username = uniqueName("scripted");
        createUser(username, "COMMANDER", "KZ-75");
        ApiClient owner = as(username, PASSWORD);

        JsonNode issued = issue(owner, "nightly export", null);
        String secret = issued.get("secret").asString();

        assertThat(secret).startsWith("qlq_").hasSize(4 + 43);
        assertThat(secret.substring(0, 12)).isEqualTo(issued.get("token").get("prefix").asString());
        var me = ApiClient.bearer(port, secret).get("/api/users/me");
        assertThat(me.status()).as(me.toString()).isEqualTo(200);
        assertThat(me.json().get("caller").get("username").asString()).isEqualTo(username);
        assertThat(me.json().get("caller").get("grants").get(0).get("orgPath").asString()).isEqualTo("KZ-75/");

        var list = owner.get("/api/users/me/tokens");
        assertThat(list.body()).doesNotContain(secret.substring(12));
        JsonNode listed = list.json().get(0);
        assertThat(listed.get("name").asString()).isEqualTo("nightly export");
        assertThat(listed.get("prefix").asString()).isEqualTo(secret.substring(0, 12));
        assertThat(listed.get("lastUsedAt").isNull()).isFalse();
        Duration lifetime = Duration.between(java.time.Instant.parse(listed.get("createdAt").asString()),
                java.time.Instant.parse(listed.get("expiresAt").asString()));
        assertThat(lifetime).isEqualTo(Duration.ofDays(90));
    }

    @Test
    void anExpiredTokenIsRefused() {
        String username = uniqueName("expiring");
        createUser(username, "MEMBER", "KZ");
        String secret = issue(as(username, PASSWORD), "one day", 1).get("secret").asString();
        ApiClient script = ApiClient.bearer(port, secret);
        assertThat(script.get("/api/users/me").status()).isEqualTo(200);

        clock.advance(Duration.ofHours(23));
        assertThat(script.get("/api/users/me").status()).isEqualTo(200);
        clock.advance(Duration.ofHours(2));

        var expired = script.get("/api/users/me");
        assertThat(expired.status()).isEqualTo(401);
        assertThat(expired.contentType()).startsWith("application/problem+json");
        assertThat(expired.header("WWW-Authenticate")).isNotNull();
    }

    @Test
    void aRevokedTokenIsRefused() {
        String username = uniqueName("revoking");
        createUser(username, "MEMBER", "KZ");
        ApiClient owner = as(username, PASSWORD);
        JsonNode issued = issue(owner, "laptop", 30);
        ApiClient script = ApiClient.bearer(port, issued.get("secret").asString());
        assertThat(script.get("/api/users/me").status()).isEqualTo(200);

        var revoke = owner.delete("/api/users/me/tokens/" + issued.get("token").get("id").asLong());

        assertThat(revoke.status()).isEqualTo(204);
        assertThat(script.get("/api/users/me").status()).isEqualTo(401);
        assertThat(owner.get("/api/users/me/tokens").json().get(0).get("revokedAt").isNull()).isFalse();
    }

    @Test
    void nobodyRevokesAnotherUsersToken() {
        String owner = uniqueName("owner");
        createUser(owner, "MEMBER", "KZ");
        String other = uniqueName("other");
        createUser(other, "MEMBER", "KZ");
        JsonNode issued = issue(as(owner, PASSWORD), "mine", 30);

        var r = as(other, PASSWORD).delete("/api/users/me/tokens/" + issued.get("token").get("id").asLong());

        assertThat(r.status()).isEqualTo(404);
        assertThat(ApiClient.bearer(port, issued.get("secret").asString()).get("/api/users/me").status()).isEqualTo(200);
    }

    @Test
    void aDisabledUsersTokensStopWorking() {
        String username = uniqueName("leaver");
        JsonNode user = createUser(username, "MEMBER", "KZ");
        String secret = issue(as(username, PASSWORD), "ci", 30).get("secret").asString();

        var disable = admin.putJson("/api/users/" + user.get("id").asLong(), Map.of("displayName", "Leaver", "language", "kk",
                "status", "DISABLED", "grants", List.of(Map.of("role", "MEMBER", "scope", "KZ"))));
        assertThat(disable.status()).isEqualTo(200);

        assertThat(ApiClient.bearer(port, secret).get("/api/users/me").status()).isEqualTo(401);
    }

    @Test
    void aMadeUpTokenIsRefused() {
        var r = ApiClient.bearer(port, "qlq_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA").get("/api/users/me");
        assertThat(r.status()).isEqualTo(401);
        assertThat(r.json().get("type").asString()).endsWith("/unauthenticated");
    }

    @Test
    void refusesTokensWithoutANameOrWithTooLongALife() {
        String username = uniqueName("careless");
        createUser(username, "MEMBER", "KZ");
        ApiClient owner = as(username, PASSWORD);

        var noName = owner.postJson("/api/users/me/tokens", Map.of("expiresInDays", 5));
        var tooLong = owner.postJson("/api/users/me/tokens", Map.of("name", "forever", "expiresInDays", 3650));

        assertThat(noName.status()).isEqualTo(400);
        assertThat(noName.json().get("errors").get(0).get("field").asString()).isEqualTo("name");
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.json().get("errors").get(0).get("field").asString()).isEqualTo("expiresInDays");
    }

    /** Issue 10, item 8: a token minted a 365-day token that outlived it and survived its revocation. */
    @Test
    void aTokenCannotMintATokenThatOutlivesIt() {
        String username = uniqueName("minting");
        createUser(username, "MEMBER", "KZ");
        JsonNode parent = issue(as(username, PASSWORD), "parent", 10);
        ApiClient script = ApiClient.bearer(port, parent.get("secret").asString());

        var longer = script.postJson("/api/users/me/tokens", Map.of("name", "child", "expiresInDays", 365));
        var byDefault = script.postJson("/api/users/me/tokens", Map.of("name", "child"));

        assertThat(longer.status()).isEqualTo(400);
        assertThat(longer.json().get("errors").get(0).get("field").asString()).isEqualTo("expiresInDays");
        assertThat(longer.json().get("errors").get(0).get("code").asString()).isEqualTo("token.error.outlives-parent");
        assertThat(byDefault.status()).as(byDefault.toString()).isEqualTo(201);
        assertThat(java.time.Instant.parse(byDefault.json().get("token").get("expiresAt").asString()))
                .isBeforeOrEqualTo(java.time.Instant.parse(parent.get("token").get("expiresAt").asString()));
    }

    @Test
    void revokingATokenRevokesTheTokensItMintedDownTheLine() {
        String username = uniqueName("lineage");
        createUser(username, "MEMBER", "KZ");
        ApiClient owner = as(username, PASSWORD);
        JsonNode parent = issue(owner, "parent", 30);
        JsonNode child = issue(ApiClient.bearer(port, parent.get("secret").asString()), "child", 20);
        JsonNode grandchild = issue(ApiClient.bearer(port, child.get("secret").asString()), "grandchild", 10);
        JsonNode sibling = issue(owner, "made with the password", 30);

        assertThat(owner.delete("/api/users/me/tokens/" + parent.get("token").get("id").asLong()).status()).isEqualTo(204);

        assertThat(ApiClient.bearer(port, child.get("secret").asString()).get("/api/users/me").status()).isEqualTo(401);
        assertThat(ApiClient.bearer(port, grandchild.get("secret").asString()).get("/api/users/me").status()).isEqualTo(401);
        assertThat(ApiClient.bearer(port, sibling.get("secret").asString()).get("/api/users/me").status()).isEqualTo(200);
    }
}
