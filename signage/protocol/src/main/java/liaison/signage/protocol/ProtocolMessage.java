package liaison.signage.protocol;

/** A message that travels on one of the station topics. */
public sealed interface ProtocolMessage
    permits StationContent, StationState, StationEvent, StationAlert, StationCommand, CommandResult {}
