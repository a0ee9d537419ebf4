-- The Stripe customer of each billed user (team mode: "<platform>:<login>", else the Switchboard user id).
CREATE TABLE stripe_customers (
    user_key           VARCHAR(255) NOT NULL PRIMARY KEY,
    customer_id        VARCHAR(64),
    email              VARCHAR(320),
    has_payment_method BOOLEAN      DEFAULT FALSE NOT NULL,
    created_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at         TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE UNIQUE INDEX uq_stripe_customers_customer ON stripe_customers (customer_id);
