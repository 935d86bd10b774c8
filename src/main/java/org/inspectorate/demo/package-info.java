/**
 * Demo data for the {@code demo} profile (the run command): a small but complete directory of
 * regulators, operators and agencies with valid codes, one account per role, the demo operators'
 * network units in every filing state, two self-inspections of the 2018 campaign (one in progress, one
 * submitted), testing agencies with vetted inspectors, draw rules and a published draw, and one scanner
 * report import (finished in the background) with an unmatched host to assign, a spot check of the published draw
 * scheduled, the public-security user's pending data request and one issued rectification notice. Depends only on the
 * organisation, filing, obligation, campaign, finding, self-inspection, agency, draw, ingest, spot-check, sharing and
 * rectification modules' APIs.
 */
@ApplicationModule(displayName = "Demo", allowedDependencies = { "organisation", "filing",
        "filing :: attachment", "obligation", "campaign", "finding", "selfinspection", "agency", "draw",
        "draw :: algorithm", "ingest", "spotcheck", "sharing", "rectification", "system" })
package org.inspectorate.demo;

import org.springframework.modulith.ApplicationModule;
