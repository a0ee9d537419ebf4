package dev.switchboard.stripe.control;

import dev.switchboard.deliveries.control.Outcome;
import dev.switchboard.stripe.control.StripeEvent.CustomerEvent;
import dev.switchboard.stripe.control.StripeEvent.InvoiceEvent;
import dev.switchboard.stripe.control.StripeEvent.PaymentMethodEvent;
import dev.switchboard.stripe.control.StripeEvent.Unsupported;
import java.util.Locale;

/** What a Stripe event amounts to; billing state is not kept yet, so the outcome records a description. */
public final class StripeUpdates {

    private StripeUpdates() {
    }

    public static Outcome decide(StripeEvent event) {
        if (event instanceof Unsupported unsupported) {
            return Outcome.ignored(unsupported.reason());
        }
        if (event instanceof CustomerEvent customer) {
            String mapped = customer.userId() == null ? "" : " (metadata.user_id=" + customer.userId() + ")";
            return Outcome.processed("customer " + customer.customerId() + " " + customer.change() + mapped);
        }
        if (event instanceof PaymentMethodEvent method) {
            String of = method.customerId() == null ? ""
                    : (method.change().equals("attached") ? " to customer " : " from customer ") + method.customerId();
            return Outcome.processed("payment method " + method.paymentMethodId() + " (" + method.type() + ") "
                    + method.change() + of);
        }
        if (event instanceof InvoiceEvent invoice) {
            String what = invoice.change().equals("paid") ? "paid" : "payment failed";
            return Outcome.processed("invoice " + invoice.invoiceId() + " of customer " + invoice.customerId() + " "
                    + what + " (" + invoice.amount() + " " + invoice.currency().toLowerCase(Locale.ROOT)
                    + " in minor units)");
        }
        throw new IllegalArgumentException("unknown Stripe event " + event);
    }
}
