/**
 * The stations' software (feature): the hub's signing key pair, the station bundles an
 * administrator uploads (checked, signed, kept by hash under the data directory), and what the
 * installer and the stations download from {@code /install/…}. docs/FIELD.md, "Updates from the
 * hub".
 */
@NullMarked
package liaison.hub.software;

import org.jspecify.annotations.NullMarked;
