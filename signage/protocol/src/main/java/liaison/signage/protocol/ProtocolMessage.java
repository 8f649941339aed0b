package liaison.signage.protocol;

/** A message that travels on one of the station topics, or in the enrolment exchange over HTTP. */
public sealed interface ProtocolMessage
    permits StationContent,
        StationState,
        StationEvent,
        StationAlert,
        StationCommand,
        CommandResult,
        EnrolmentRequest,
        EnrolmentTicket,
        VoteTally,
        ProjectTally {}
