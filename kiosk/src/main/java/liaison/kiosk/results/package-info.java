/**
 * The station's handling figures for residents' opinions, when the hub publishes them ({@code
 * ResultsPresenter} → {@code ResultsModel} → {@code ResultsView}).
 */
@NullMarked
package liaison.kiosk.results;

import org.jspecify.annotations.NullMarked;
