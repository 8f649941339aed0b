package liaison.hub.department;

/** A department (承办单位) of the county that handles forwarded opinions and replies. */
public record Department(String id, String countyId, String name, String contact) {}
