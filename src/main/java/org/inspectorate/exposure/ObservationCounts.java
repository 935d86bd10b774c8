package org.inspectorate.exposure;

/**
 * What an import did to the observed services (观测统计).
 *
 * @param observed              open ports the import handed over (a port seen twice in one report counts twice)
 * @param newServices           services not seen on the unit before
 * @param seenAgain             services seen before, now with this import as their last sighting
 * @param discrepanciesOpened   new services the unit's filing does not declare
 */
public record ObservationCounts(long observed, int newServices, int seenAgain, int discrepanciesOpened) {
}
