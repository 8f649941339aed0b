package liaison.hub.enrolment;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.Min;
import java.time.Duration;

/**
 * Enrolment codes ({@code hub.enrolment.*}).
 *
 * @param codeLifetime how long a code shown on a screen holds
 * @param requestsPerAddress codes asked for from one address per {@code requestWindow}; a screen
 *     asks once per lifetime, so this only stops a flood
 * @param wrongCodesPerAccount wrong codes one staff account may enter per {@code wrongCodeWindow}
 *     before it must wait: nobody guesses a code by trying
 * @param waitingPerAddress codes one address may hold unused at once; past it, that address's
 *     oldest code is dropped (screens behind one NAT share an address: raise it with them)
 * @param maxWaiting unused codes the hub keeps in all; past it, expired ones go first, then the
 *     oldest code of the address holding the most, so a flood cannot grow the table and a screen
 *     with its one code is the last to lose it
 * @param addressesRemembered addresses whose requests are counted at once (memory bound)
 */
@ConfigurationProperties("hub.enrolment")
public record EnrolmentConfig(
    @Bindable(defaultValue = "15m") Duration codeLifetime,
    @Bindable(defaultValue = "10") @Min(1) int requestsPerAddress,
    @Bindable(defaultValue = "10m") Duration requestWindow,
    @Bindable(defaultValue = "10") @Min(1) int wrongCodesPerAccount,
    @Bindable(defaultValue = "10m") Duration wrongCodeWindow,
    @Bindable(defaultValue = "20") @Min(1) int waitingPerAddress,
    @Bindable(defaultValue = "1000") @Min(1) int maxWaiting,
    @Bindable(defaultValue = "10000") @Min(1) int addressesRemembered) {}
