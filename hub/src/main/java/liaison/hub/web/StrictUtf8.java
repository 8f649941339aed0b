package liaison.hub.web;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.io.IOContext;
import com.fasterxml.jackson.core.io.InputDecorator;
import com.fasterxml.jackson.databind.module.SimpleModule;
import jakarta.inject.Singleton;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * JSON bodies must be UTF-8, exactly. Jackson's own reader takes overlong forms such as {@code C0
 * 85} for a character ({@code U+0005}) and would store them; here every body is checked with Java's
 * strict decoder before Jackson reads it, and one that is not UTF-8 fails to parse, which the error
 * answers turn into a 400 in both languages (nothing is stored).
 */
@Singleton
public class StrictUtf8 extends SimpleModule {

  public StrictUtf8() {
    super("liaison-strict-utf8");
  }

  @Override
  public void setupModule(SetupContext context) {
    super.setupModule(context);
    JsonFactory factory =
        context.getOwner() instanceof com.fasterxml.jackson.databind.ObjectMapper mapper
            ? mapper.getFactory()
            : null;
    if (factory != null) {
      factory.setInputDecorator(new Checked());
    }
  }

  /** Passes a body on unchanged once it is known to be UTF-8; throws otherwise. */
  private static final class Checked extends InputDecorator {
    @Override
    public InputStream decorate(IOContext context, InputStream in) throws IOException {
      byte[] all = in.readAllBytes();
      check(all, 0, all.length);
      return new ByteArrayInputStream(all);
    }

    @Override
    public InputStream decorate(IOContext context, byte[] src, int offset, int length)
        throws IOException {
      check(src, offset, length);
      return new ByteArrayInputStream(src, offset, length);
    }

    @Override
    public Reader decorate(IOContext context, Reader reader) {
      return reader; // already characters: someone else decoded them
    }

    private static void check(byte[] bytes, int offset, int length) throws IOException {
      try {
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT)
            .decode(ByteBuffer.wrap(bytes, offset, length));
      } catch (CharacterCodingException e) {
        throw new com.fasterxml.jackson.core.JsonParseException(
            null, "the body is not UTF-8 (" + e.getMessage() + ")");
      }
    }
  }
}
