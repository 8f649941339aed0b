/**
 * The web toolkit (base): what every page and API shares: the page model, language, forms, public
 * links, error answers, headers, health details. No routes: those belong to pages and features.
 */
@NullMarked
package liaison.hub.web;

import org.jspecify.annotations.NullMarked;
