package liaison.signage.player;

import java.util.Optional;
import liaison.signage.player.command.StationCommands;
import liaison.signage.player.link.HubLink;
import liaison.signage.protocol.Topic;
import org.jspecify.annotations.Nullable;

/**
 * Hands each message on the station's subscriptions to its reader by topic: content and alert to
 * the {@link ContentFeed}, commands to {@link StationCommands}. A message on a topic that is not
 * this station's, or on a channel it does not read, is ignored; a command on another station's
 * topic is answered as refused (its sender waits for an answer).
 */
final class StationInbox {

  private final String stationId;
  private final ContentFeed feed;
  private final StationCommands commands;
  private final Rejections rejections;

  StationInbox(
      String stationId, ContentFeed feed, StationCommands commands, Rejections rejections) {
    this.stationId = stationId;
    this.feed = feed;
    this.commands = commands;
    this.rejections = rejections;
  }

  void received(String topicName, byte[] payload, HubLink.@Nullable Reply reply) {
    Optional<Topic> topic = Topic.tryParse(topicName);
    if (topic.isPresent()
        && topic.get().channel() == Topic.Channel.COMMAND
        && !topic.get().stationId().equals(stationId)) {
      rejections.counted();
      commands.foreign(topicName, reply);
      return;
    }
    if (topic.isEmpty() || !topic.get().stationId().equals(stationId)) {
      rejections.reject(
          "station "
              + stationId
              + ": ignored a message on "
              + topicName
              + ", not one of this station's topics");
      return;
    }
    switch (topic.get().channel()) {
      case CONTENT -> feed.contentArrived(topicName, payload);
      case ALERT -> feed.alertArrived(topicName, payload);
      case TALLY -> feed.tallyArrived(topicName, payload);
      case PROJECT_TALLY -> feed.projectTallyArrived(topicName, payload);
      case COMMAND -> commands.received(payload, reply);
      default ->
          rejections.reject(
              "station "
                  + stationId
                  + ": ignored a message on "
                  + topicName
                  + ", a channel it does not read");
    }
  }
}
