package liaison.hub.broker;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;

/**
 * Tuning of the embedded broker and the hub's client ({@code hub.mqtt.broker.*}).
 *
 * @param persistence {@code file} (survives a crash: queued events for the hub are kept) or {@code
 *     in-memory}
 * @param serverReceiveMaximum how many QoS 1 publishes one client may have unacknowledged
 * @param maxPacketBytes larger packets are refused by the broker
 */
@ConfigurationProperties("hub.mqtt.broker")
public record BrokerSettings(
    @Bindable(defaultValue = "file") @Pattern(regexp = "file|in-memory") String persistence,
    @Bindable(defaultValue = "10") @Min(1) int serverReceiveMaximum,
    @Bindable(defaultValue = "4194304") @Min(1024) int maxPacketBytes,
    @Bindable(defaultValue = "liaison-hub") String clientId) {}
