package liaison.hub.broker;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;

/**
 * Tuning of the embedded broker and the hub's client ({@code hub.mqtt.broker.*}).
 *
 * @param persistence {@code file} (survives a crash: queued events for the hub are kept) or {@code
 *     in-memory}
 * @param serverReceiveMaximum how many QoS 1 publishes one client may have unacknowledged
 * @param maxPacketBytes larger packets are refused by the broker
 * @param maxQueuedMessages messages the broker keeps per client (and per shared-subscription group)
 *     that the client has not taken yet; beyond it HiveMQ drops new ones without a word. Its
 *     default of 1,000 lost events in a burst from 50 stations; the hub's queue must hold what all
 *     stations send while the hub restarts.
 * @param clientReceiveMaximum how many QoS 1 messages the broker may send the hub's client before
 *     it acknowledges; the event writer commits and acknowledges in batches of up to this many. The
 *     embedded broker's own cap (HiveMQ CE: 50 to any client) is raised to it.
 */
@ConfigurationProperties("hub.mqtt.broker")
public record BrokerSettings(
    @Bindable(defaultValue = "file") @Pattern(regexp = "file|in-memory") String persistence,
    @Bindable(defaultValue = "10") @Min(1) int serverReceiveMaximum,
    @Bindable(defaultValue = "4194304") @Min(1024) int maxPacketBytes,
    @Bindable(defaultValue = "1000000") @Min(1000) long maxQueuedMessages,
    @Bindable(defaultValue = "500") @Min(1) @Max(65535) int clientReceiveMaximum,
    @Bindable(defaultValue = "liaison-hub") String clientId) {}
