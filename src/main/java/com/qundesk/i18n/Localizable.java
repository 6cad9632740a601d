package com.qundesk.i18n;

import java.util.List;

/** Something (usually an exception) that can describe itself to the operator in their language. */
public interface Localizable {
    String messageKey();

    List<Object> messageArgs();
}
