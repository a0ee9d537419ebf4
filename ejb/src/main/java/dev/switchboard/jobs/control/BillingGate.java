package dev.switchboard.jobs.control;

import dev.switchboard.accounts.control.LinkingSettings;
import dev.switchboard.deliveries.control.Outcome;
import dev.switchboard.deliveries.entity.Platform;
import dev.switchboard.stripe.control.StripeCustomers;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * With BILLING_REQUIRED=true, jobs only for requesters with a payment method: the requester's Stripe customer
 * (contract: a linked user by Switchboard user id, an unlinked team-mode requester by {@code <platform>:<login>})
 * is settled by {@link StripeCustomers} — its row, kept current by Stripe's webhooks, else Stripe itself — and one
 * without a payment method is told once, with BILLING_URL, instead of getting a job. Configuration is read per
 * call.
 */
@ApplicationScoped
public class BillingGate {

    @Inject
    StripeCustomers customers;

    @Inject
    Notices notices;

    @Inject
    LinkingSettings linking;

    @Inject
    JobRecords jobs;

    @Inject
    FollowUpRecords followUps;

    /**
     * @param userId     the requester's Switchboard user; null for an unlinked team-mode requester
     * @param login      the requester as the platform knows them (GitHub login, GitLab username, Slack user id)
     * @param noticeKind the platform's kind of post for the billing message
     * @param target     where that message goes
     * @param addressee  how the message starts so the requester is notified ({@code @octocat}), or null
     * @return empty when the requester may have jobs; else the delivery's IGNORED outcome, the message posted once
     */
    public Optional<Outcome> refuse(String deliveryId, Platform platform, String userId, String login,
                                    String noticeKind, String target, String addressee) {
        if (!required() || jobs.byDelivery(deliveryId).isPresent() || followUps.byDelivery(deliveryId).isPresent()) {
            return Optional.empty(); // a delivery that got its job (or follow-up) before is not judged again on replay
        }
        String userKey = userKey(platform, userId, login);
        if (customers.findOrCreate(userKey, null).hasPaymentMethod()) {
            return Optional.empty();
        }
        String link = billingUrl();
        notices.postOnce(new NoticeDraft(null, platform, noticeKind, "delivery:" + deliveryId + ":billing", target,
                message(addressee, link)));
        return Optional.of(Outcome.ignored(login + " has no payment method on file (billing required, customer "
                + userKey + "): sent the billing link " + link));
    }

    static String userKey(Platform platform, String userId, String login) {
        return userId != null ? userId : platform.id() + ":" + login;
    }

    /** Plain text with a bare link, which every platform's renderer turns into a link. */
    static String message(String addressee, String link) {
        return (addressee == null ? "" : addressee + " ") + "I can only start jobs for people with a payment method"
                + " on file. Please add one at " + link + " and ask me again.";
    }

    private static boolean required() {
        return ConfigProvider.getConfig().getOptionalValue("billing.required", Boolean.class).orElse(false);
    }

    /** BILLING_URL, e.g. Stripe's customer portal login link; Switchboard's own address when unset. */
    private String billingUrl() {
        return ConfigProvider.getConfig().getOptionalValue("billing.url", String.class).filter(u -> !u.isBlank())
                .orElseGet(linking::publicUrl);
    }
}
