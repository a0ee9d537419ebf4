package dev.switchboard.stripe.control;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.testing.Fixtures;
import org.junit.jupiter.api.Test;

/** {@code GET /v1/customers/{id}} answers, as Stripe sends them. */
class RemoteCustomerTest {

    @Test
    void readsTheUserOfALiveCustomer() {
        var customer = Fixtures.read("""
                {"id":"cus_PmQ7r4tXyZ12ab","object":"customer","address":null,"balance":0,"created":1710940000,
                 "currency":null,"default_source":null,"delinquent":false,"description":null,
                 "email":"octocat@github.example","invoice_prefix":"8F2A1C3D","livemode":false,
                 "metadata":{"user_id":"github:octocat"},"name":"The Octocat","phone":null,"preferred_locales":[],
                 "shipping":null,"tax_exempt":"none","test_clock":null}""");

        assertThat(RemoteCustomer.from(customer)).isEqualTo(
                new RemoteCustomer("cus_PmQ7r4tXyZ12ab", "github:octocat", "octocat@github.example", false));
    }

    @Test
    void aDeletedCustomerHasNoMetadata() {
        var customer = Fixtures.read("{\"id\":\"cus_PmQ7r4tXyZ12ab\",\"object\":\"customer\",\"deleted\":true}");

        assertThat(RemoteCustomer.from(customer))
                .isEqualTo(new RemoteCustomer("cus_PmQ7r4tXyZ12ab", null, null, true));
    }

    @Test
    void aCustomerWithoutUserIdHasNoUser() {
        var customer = Fixtures.read("""
                {"id":"cus_1","object":"customer","email":null,"metadata":{"plan":"team","user_id":""}}""");

        assertThat(RemoteCustomer.from(customer).userId()).isNull();
    }
}
