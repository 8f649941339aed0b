package liaison.hub.poster;

import java.time.LocalDate;

/**
 * What one forwarding slip (交办单) prints: only what the department needs to act, and no contact of
 * the resident (the department sees it on screen when the resident allowed it).
 *
 * @param issuingBody who issues it, e.g. 青溪县人大常委会代表工作委员会
 * @param caseNumber the case's tracking code, the one identifier people quote
 * @param summary the staff's summary of the problem
 * @param residentWords the resident's words as registered, long numbers hidden
 * @param caseUrl the link the QR code opens: the case on the department's pages
 */
public record ForwardingSlip(
    String issuingBody,
    String caseNumber,
    String stationName,
    String category,
    LocalDate received,
    LocalDate forwarded,
    String summary,
    String residentWords,
    String department,
    LocalDate deadline,
    String caseUrl) {}
