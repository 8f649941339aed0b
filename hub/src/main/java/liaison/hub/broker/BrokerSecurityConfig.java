package liaison.hub.broker;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.Min;
import java.time.Duration;

/**
 * How the embedded broker rides out a connection storm ({@code hub.mqtt.security.*}): one address
 * may try to connect {@code connectsPerAddress} times per {@code connectWindow}, and fail to log in
 * {@code failuresPerAddress} times per {@code failureWindow}; beyond either, its connects are
 * refused (reason 0x9F, connection rate exceeded) until the window has passed. The hub's own client
 * is never held back. Several screens behind one NAT share an address: raise the limits for them.
 *
 * <p>An enrolled station that sends {@code badMessagesPerStation} messages the hub refuses within
 * {@code badMessageWindow} is disconnected and flagged on the fleet page ({@link
 * MalformedSenders}).
 */
@ConfigurationProperties("hub.mqtt.security")
public record BrokerSecurityConfig(
    @Bindable(defaultValue = "60") @Min(1) int connectsPerAddress,
    @Bindable(defaultValue = "10s") Duration connectWindow,
    @Bindable(defaultValue = "20") @Min(1) int failuresPerAddress,
    @Bindable(defaultValue = "1m") Duration failureWindow,
    @Bindable(defaultValue = "100") @Min(1) int badMessagesPerStation,
    @Bindable(defaultValue = "1m") Duration badMessageWindow) {}
