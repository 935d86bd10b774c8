/**
 * The documents attached to a network unit (网络单元附件: topology diagram, filing report, other) and the checks
 * every uploaded file of the product goes through ({@link UploadedFiles}: size limit, type by its bytes, a clean
 * name, SHA-256) with the one way a stored file is sent back ({@link FileDownload}). Whoever sees the unit lists
 * and downloads its attachments; the unit's operators add and delete them while the unit is editable, by the
 * rules {@link org.inspectorate.filing.NetworkUnits} keeps; every change and download is audited.
 *
 * <p>Exposed as {@code filing}'s named interface {@code attachment}: {@code obligation} checks and sends its
 * evaluation reports with {@link UploadedFiles} and {@link FileDownload}, and {@code demo} attaches files to its
 * units through {@link UnitAttachments}. The unit's detail page (in the root package) shows the attachments, so the
 * two packages know each other; they are one module, which is why this is a part of {@code filing} and not a module
 * of its own. The repository, the controllers and the events are package-private.
 */
@NamedInterface("attachment")
package org.inspectorate.filing.attachment;

import org.springframework.modulith.NamedInterface;
