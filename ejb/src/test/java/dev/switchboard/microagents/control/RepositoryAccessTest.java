package dev.switchboard.microagents.control;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RepositoryAccessTest {

    @Test
    void aBearerTokenGoesInAuthorization() {
        RepositoryAccess repo = RepositoryAccess.gitLab("acme/platform/app", 318L, "gloat-1");

        assertThat(repo.authorizationHeader()).isEqualTo("Bearer gloat-1");
        assertThat(repo.privateTokenHeader()).isNull();
    }

    @Test
    void gitLabsTeamTokenGoesInPrivateToken() {
        RepositoryAccess repo = RepositoryAccess.gitLabPrivateToken("acme/platform/app", 318L, "glpat-1");

        assertThat(repo.authorizationHeader()).isNull();
        assertThat(repo.privateTokenHeader()).isEqualTo("glpat-1");
        assertThat(repo.organizationConfig().privateTokenHeader()).as("the config repository is read alike")
                .isEqualTo("glpat-1");
        assertThat(repo.toString()).doesNotContain("glpat-1");
    }
}
