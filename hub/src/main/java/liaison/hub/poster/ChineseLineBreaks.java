package liaison.hub.poster;

import com.lowagie.text.pdf.DefaultSplitCharacter;
import com.lowagie.text.pdf.PdfChunk;

/**
 * Where a line of Chinese may end, as printed Chinese has it (避头尾): never before a closing mark
 * (，。、；：！？ and closing brackets, which would start the next line alone) nor after an opening one.
 * Otherwise any CJK character may end a line, as the library decides.
 */
final class ChineseLineBreaks extends DefaultSplitCharacter {
  static final ChineseLineBreaks INSTANCE = new ChineseLineBreaks();

  private static final String NEVER_FIRST = "，。、；：！？）》」』】〕…,.;:!?)";
  private static final String NEVER_LAST = "（《「『【〔(";

  private ChineseLineBreaks() {}

  @Override
  public boolean isSplitCharacter(int start, int current, int end, char[] cc, PdfChunk[] ck) {
    if (NEVER_LAST.indexOf(getCurrentCharacter(current, cc, ck)) >= 0) {
      return false;
    }
    if (current + 1 < end && NEVER_FIRST.indexOf(getCurrentCharacter(current + 1, cc, ck)) >= 0) {
      return false;
    }
    return super.isSplitCharacter(start, current, end, cc, ck);
  }
}
