package dev.switchboard.ratelimits.control;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.deliveries.entity.Platform;
import dev.switchboard.ratelimits.control.RateLimitVerdict.Scope;
import dev.switchboard.ratelimits.entity.PlatformLimit;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The governor holds calls back per token or for the whole platform, and shares limits through its store. */
class PlatformGovernorTest {

    private static final Instant NOW = Instant.parse("2026-11-28T10:00:00Z");

    /** The table, in memory: what other nodes would read and write. */
    static final class TableInMemory extends PlatformLimits {
        final List<PlatformLimit> rows = new ArrayList<>();
        boolean down;

        @Override
        public void record(Platform platform, String scopeKey, Instant until, String reason, Instant now) {
            if (down) {
                throw new IllegalStateException("database down");
            }
            rows.removeIf(row -> row.getId().equals(PlatformLimit.idOf(platform, scopeKey)));
            rows.add(new PlatformLimit(platform, scopeKey, until, reason, now));
        }

        @Override
        public List<PlatformLimit> inForce(Instant now) {
            if (down) {
                throw new IllegalStateException("database down");
            }
            return rows.stream().filter(row -> row.getUntil().isAfter(now)).toList();
        }
    }

    private static PlatformGovernor governor(TableInMemory table) {
        PlatformGovernor governor = new PlatformGovernor();
        governor.store = table;
        return governor;
    }

    private static RateLimitVerdict.Wait wait(long seconds, Scope scope) {
        return new RateLimitVerdict.Wait(Duration.ofSeconds(seconds), scope, "test limit");
    }

    @Test
    void aTokensLimitHoldsBackThatTokenOnly() {
        TableInMemory table = new TableInMemory();
        PlatformGovernor governor = governor(table);
        governor.record(Platform.SLACK, wait(30, Scope.TOKEN), "tokenA", NOW);

        assertThat(governor.inForce(Platform.SLACK, "tokenA", NOW.plusSeconds(1))).get()
                .extracting(PlatformGovernor.Limit::until).isEqualTo(NOW.plusSeconds(30));
        assertThat(governor.inForce(Platform.SLACK, "tokenB", NOW.plusSeconds(1))).isEmpty();
        assertThat(governor.inForce(Platform.GITHUB, "tokenA", NOW.plusSeconds(1))).isEmpty();
        assertThat(governor.inForce(Platform.SLACK, "tokenA", NOW.plusSeconds(30))).as("over at the reset").isEmpty();
        assertThat(table.rows).singleElement().extracting(PlatformLimit::getScopeKey).isEqualTo("tokenA");
    }

    @Test
    void aGlobalLimitHoldsBackEveryTokenAndTheLongerLimitWins() {
        PlatformGovernor governor = governor(new TableInMemory());
        governor.record(Platform.STRIPE, wait(10, Scope.GLOBAL), "tokenA", NOW);
        governor.record(Platform.STRIPE, wait(20, Scope.TOKEN), "tokenB", NOW);

        assertThat(governor.inForce(Platform.STRIPE, "tokenC", NOW)).get()
                .extracting(PlatformGovernor.Limit::scopeKey).isEqualTo(PlatformLimit.GLOBAL);
        assertThat(governor.inForce(Platform.STRIPE, "tokenB", NOW)).get()
                .extracting(PlatformGovernor.Limit::until).isEqualTo(NOW.plusSeconds(20));
    }

    @Test
    void aLimitAnotherNodeRecordedIsReadFromTheTable() {
        TableInMemory table = new TableInMemory();
        governor(table).record(Platform.GITHUB, wait(60, Scope.TOKEN), "installation-7", NOW);

        PlatformGovernor otherNode = governor(table);
        assertThat(otherNode.inForce(Platform.GITHUB, "installation-7", NOW.plusSeconds(5))).isPresent();
        assertThat(otherNode.all(NOW.plusSeconds(5))).hasSize(1);
    }

    @Test
    void withoutTheDatabaseTheNodesOwnKnowledgeStillApplies() {
        TableInMemory table = new TableInMemory();
        table.down = true;
        PlatformGovernor governor = governor(table);
        governor.record(Platform.GITLAB, wait(15, Scope.TOKEN), "user-1", NOW);
        assertThat(governor.inForce(Platform.GITLAB, "user-1", NOW.plusSeconds(3))).isPresent();
    }

    @Test
    void aZeroWaitIsNoLimit() {
        TableInMemory table = new TableInMemory();
        PlatformGovernor governor = governor(table);
        governor.record(Platform.JIRA, wait(0, Scope.TOKEN), "user-2", NOW);
        assertThat(governor.inForce(Platform.JIRA, "user-2", NOW)).isEmpty();
        assertThat(table.rows).isEmpty();
    }
}
