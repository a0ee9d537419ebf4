package dev.switchboard.ratelimits.control;

import dev.switchboard.deliveries.entity.Platform;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.core.Response;
import java.lang.annotation.Annotation;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Locale;
import java.util.Set;

/**
 * Wraps a REST client so that every one of its operations runs through {@link PlatformCalls}: no caller
 * can forget the retry policy, the rate limits or the circuit breaker, and none repeats them. The
 * operation's name is the interface method's; the token key is taken from its credential header; an operation
 * marked {@link NonIdempotent} on the interface is never repeated once it may have been received.
 */
public final class GovernedClients {

    private static final Set<String> CREDENTIAL_HEADERS = Set.of("authorization", "private-token");

    private GovernedClients() {
    }

    public static <T> T wrap(Class<T> api, T client, Platform platform, PlatformCalls calls) {
        InvocationHandler handler = (proxy, method, args) -> {
            if (method.getDeclaringClass() == Object.class || method.getReturnType() != Response.class) {
                return invoke(client, method, args);
            }
            return calls.call(platform, method.getName(), TokenKeys.of(credential(method, args)),
                    method.isAnnotationPresent(NonIdempotent.class), () -> (Response) invoke(client, method, args));
        };
        return api.cast(Proxy.newProxyInstance(api.getClassLoader(), new Class<?>[] {api, AutoCloseable.class},
                handler));
    }

    private static String credential(Method method, Object[] args) {
        Annotation[][] annotations = method.getParameterAnnotations();
        for (int i = 0; i < annotations.length; i++) {
            for (Annotation annotation : annotations[i]) {
                if (annotation instanceof HeaderParam header
                        && CREDENTIAL_HEADERS.contains(header.value().toLowerCase(Locale.ROOT))
                        && args[i] instanceof String value) {
                    return value;
                }
            }
        }
        return null;
    }

    private static Object invoke(Object client, Method method, Object[] args) {
        if (method.getDeclaringClass() == AutoCloseable.class) {
            close(client);
            return null;
        }
        try {
            return method.invoke(client, args);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(method.getName() + " failed", cause);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(method.getName() + " is not callable", e);
        }
    }

    private static void close(Object client) {
        if (client instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception e) {
                throw new IllegalStateException("closing the client failed", e);
            }
        }
    }
}
