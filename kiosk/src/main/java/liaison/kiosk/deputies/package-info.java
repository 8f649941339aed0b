/**
 * The deputies at the station: the directory filtered by level ({@code DeputiesPresenter} → {@code
 * DeputiesModel} → {@code DeputiesView}) and one deputy's page with a QR code for a message ({@code
 * DeputyPresenter} → {@code DeputyModel} → {@code DeputyView}).
 */
@NullMarked
package liaison.kiosk.deputies;

import org.jspecify.annotations.NullMarked;
