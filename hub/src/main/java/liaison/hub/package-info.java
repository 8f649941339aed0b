/**
 * The hub: a Micronaut server that keeps the county's stations, deputies, receptions and notices,
 * and pushes each station its content.
 */
@NullMarked
package liaison.hub;

import org.jspecify.annotations.NullMarked;
