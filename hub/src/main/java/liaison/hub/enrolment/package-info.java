/**
 * Station identity (issue 8): screens asking for enrolment codes, administrators entering them on
 * the station's page, each station's MQTT credential (a hash only), revocation.
 */
@NullMarked
package liaison.hub.enrolment;

import org.jspecify.annotations.NullMarked;
