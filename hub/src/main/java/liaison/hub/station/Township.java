package liaison.hub.station;

/** A township (乡镇) or street (街道) of a county; stations belong to one. */
public record Township(String id, String countyId, String name) {}
