package dev.switchboard.ratelimits.control;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a platform client operation that creates something each time it is received (a comment, a note, a
 * message). Once such a request may have reached the platform (a read timeout, a connection reset or a garbled
 * answer after it was sent) {@link PlatformCalls} does not repeat it: a blind repeat would post twice. The failure
 * goes to the caller, whose own retry first looks for the post ({@code NoticePoster.findPosted}). Failures that
 * prove the request never left (connection refused, connect timeout) and answers the platform gave (5xx, 429) are
 * still retried under the platform's policy.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface NonIdempotent {
}
