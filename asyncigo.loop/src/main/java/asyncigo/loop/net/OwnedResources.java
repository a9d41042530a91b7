package asyncigo.loop.net;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The streams and servers of one loop that are open: each adds itself when it is built and
 * removes itself when it closes, so the set never holds a closed one (a loop that opens and
 * closes streams for ever keeps none of them). {@link #closeAll} closes what is left when the
 * loop closes. Loop-confined.
 */
final class OwnedResources {
  /** A stream or server: closing it releases its descriptor and removes it from the set. */
  interface Resource {
    /** Closes the resource; idempotent, never throws. */
    void close();
  }

  private final Set<Resource> open = new LinkedHashSet<>();

  void add(Resource resource) {
    open.add(resource);
  }

  void remove(Resource resource) {
    open.remove(resource);
  }

  /** Closes every open resource, in the order they were opened. */
  void closeAll() {
    List<Resource> left = new ArrayList<>(open);
    open.clear();
    for (Resource resource : left) {
      resource.close();
    }
  }
}
