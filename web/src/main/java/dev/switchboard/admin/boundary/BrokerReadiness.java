package dev.switchboard.admin.boundary;

import dev.switchboard.deliveries.control.DeliveryQueue;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSRuntimeException;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready only while the JMS broker accepts connections: every delivery is queued before it is acknowledged. */
@Readiness
@ApplicationScoped
public class BrokerReadiness implements HealthCheck {

    @Resource(lookup = "java:comp/DefaultJMSConnectionFactory")
    ConnectionFactory connectionFactory;

    @Override
    public HealthCheckResponse call() {
        try (JMSContext context = connectionFactory.createContext()) {
            context.createQueue(DeliveryQueue.PHYSICAL_NAME);
            return HealthCheckResponse.named("broker").up().build();
        } catch (JMSRuntimeException | IllegalStateException e) {
            return HealthCheckResponse.named("broker").down().withData("error", e.getClass().getSimpleName()).build();
        }
    }
}
