package org.inspectorate.filing;

import org.inspectorate.system.AuditableEvent;

/** An operator's edit of a unit: in its draft ({@link UnitUpdated}) or opening a change filing ({@link ChangeOpened}). */
sealed interface UnitChanged extends AuditableEvent permits UnitUpdated, ChangeOpened {

    long unitId();

    int versionNo();
}
