package liaison.hub.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.deser.BeanDeserializerBase;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import jakarta.inject.Singleton;
import java.io.IOException;

/**
 * A record in a request body is read from a JSON object and from nothing else. Micronaut's
 * introspection would otherwise try to build a nine-field draft from the body {@code 1} and fail
 * outside Jackson, with an exception the server answers as 500; here every such body is a mapping
 * problem, which the error answers turn into a 400 saying the body must be an object.
 */
@Singleton
public class JsonObjectsOnly extends SimpleModule {

  public JsonObjectsOnly() {
    super("liaison-json-objects-only");
    // A module, not a modifier bean: Micronaut registers Jackson modules it finds, not modifiers.
    setDeserializerModifier(
        new BeanDeserializerModifier() {
          @Override
          public JsonDeserializer<?> modifyDeserializer(
              DeserializationConfig config,
              BeanDescription description,
              JsonDeserializer<?> deserializer) {
            return deserializer instanceof BeanDeserializerBase
                ? new ObjectOnly(deserializer)
                : deserializer;
          }
        });
  }

  private static final class ObjectOnly extends DelegatingDeserializer {
    ObjectOnly(JsonDeserializer<?> delegate) {
      super(delegate);
    }

    @Override
    protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> delegate) {
      return new ObjectOnly(delegate);
    }

    @Override
    public Object deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      // START_OBJECT at the value; FIELD_NAME or END_OBJECT when Jackson has already stepped in.
      if (!p.hasToken(JsonToken.START_OBJECT)
          && !p.hasToken(JsonToken.FIELD_NAME)
          && !p.hasToken(JsonToken.END_OBJECT)) {
        return ctxt.handleUnexpectedToken(handledType(), p);
      }
      try {
        return super.deserialize(p, ctxt);
      } catch (RuntimeException e) {
        // A check inside a constructor Jackson did not call itself: still the body's fault.
        throw JsonMappingException.from(p, "the value could not be made from this object", e);
      }
    }
  }
}
