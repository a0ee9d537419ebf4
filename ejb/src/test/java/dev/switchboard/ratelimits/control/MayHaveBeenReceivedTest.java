package dev.switchboard.ratelimits.control;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ws.rs.ProcessingException;
import java.net.ConnectException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import org.junit.jupiter.api.Test;

/** Which failed calls a non-idempotent operation may not be repeated after. */
class MayHaveBeenReceivedTest {

    @Test
    void aRefusedOrUnresolvedConnectionOrAConnectTimeoutSentNothing() {
        assertThat(PlatformCalls.mayHaveBeenReceived(new ProcessingException(new ConnectException("Connection refused"))))
                .isFalse();
        assertThat(PlatformCalls.mayHaveBeenReceived(new ProcessingException(new UnknownHostException("nowhere"))))
                .isFalse();
        assertThat(PlatformCalls.mayHaveBeenReceived(
                new ProcessingException(new SocketTimeoutException("Connect timed out")))).isFalse();
    }

    @Test
    void aReadTimeoutAResetOrAGarbledAnswerMayComeAfterThePlatformActed() {
        assertThat(PlatformCalls.mayHaveBeenReceived(new ProcessingException(new SocketTimeoutException("Read timed out"))))
                .isTrue();
        assertThat(PlatformCalls.mayHaveBeenReceived(new ProcessingException(new SocketException("Connection reset"))))
                .isTrue();
        assertThat(PlatformCalls.mayHaveBeenReceived(new ProcessingException("Invalid Http response"))).isTrue();
    }
}
