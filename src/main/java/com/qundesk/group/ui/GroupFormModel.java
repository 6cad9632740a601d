package com.qundesk.group.ui;

import com.qundesk.group.AdPolicy;
import com.qundesk.core.FieldError;
import com.qundesk.group.Group;
import com.qundesk.group.GroupKind;
import com.qundesk.group.GroupStatus;
import com.qundesk.group.Platform;
import com.qundesk.group.Purpose;
import com.qundesk.ui.Formats;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The edit form's state as JavaFX properties. It turns text into a {@link Group} (reporting what cannot be
 * read as a number) and back; the registry's rules themselves live in the service and validator.
 */
public final class GroupFormModel {

    private final Formats formats;
    private Group original;
    /** The fields' values as loaded, to tell unsaved edits. */
    private List<Object> loaded = List.of();

    public final ObjectProperty<Platform> platform = new SimpleObjectProperty<>(Platform.WECHAT);
    public final StringProperty externalId = new SimpleStringProperty("");
    public final StringProperty name = new SimpleStringProperty("");
    public final ObjectProperty<Purpose> purpose = new SimpleObjectProperty<>(Purpose.EVENT);
    public final ObjectProperty<GroupKind> kind = new SimpleObjectProperty<>(GroupKind.LONG_TERM);
    public final StringProperty owner = new SimpleStringProperty("");
    /** The operator the group is assigned to ("" for nobody). */
    public final StringProperty assignee = new SimpleStringProperty("");
    public final StringProperty admins = new SimpleStringProperty("");
    public final StringProperty memberCount = new SimpleStringProperty("0");
    public final StringProperty capacity = new SimpleStringProperty("500");
    public final ObjectProperty<Group> parent = new SimpleObjectProperty<>();
    public final StringProperty tags = new SimpleStringProperty("");
    public final StringProperty rules = new SimpleStringProperty("");
    public final StringProperty announcement = new SimpleStringProperty("");
    public final ObjectProperty<AdPolicy.Type> adType = new SimpleObjectProperty<>(AdPolicy.Type.NONE);
    public final StringProperty adFee = new SimpleStringProperty("");
    public final ObjectProperty<DayOfWeek> adWeekday = new SimpleObjectProperty<>(DayOfWeek.FRIDAY);
    public final StringProperty adHourFrom = new SimpleStringProperty("20");
    public final StringProperty adHourTo = new SimpleStringProperty("22");
    public final StringProperty adThreadAdmin = new SimpleStringProperty("");
    public final ObjectProperty<GroupStatus> status = new SimpleObjectProperty<>(GroupStatus.ACTIVE);
    public final ObjectProperty<LocalDate> createdOn = new SimpleObjectProperty<>();
    public final ObjectProperty<LocalDate> reformedOn = new SimpleObjectProperty<>();
    public final ObjectProperty<LocalDate> dissolvedOn = new SimpleObjectProperty<>();
    public final StringProperty dissolutionReason = new SimpleStringProperty("");
    public final StringProperty notes = new SimpleStringProperty("");
    /** True while the form shows a group not yet saved. */
    public final BooleanProperty isNew = new SimpleBooleanProperty(true);

    public GroupFormModel(Formats formats) {
        this.formats = formats;
    }

    public Group original() {
        return original;
    }

    /** Fills the form from {@code g}; {@code parentGroup} is its parent, if any. */
    public void load(Group g, Group parentGroup) {
        original = g;
        isNew.set(g.id() == null);
        platform.set(g.platform());
        externalId.set(nz(g.externalId()));
        name.set(nz(g.name()));
        purpose.set(g.purpose());
        kind.set(g.kind());
        owner.set(nz(g.owner()));
        assignee.set(nz(g.assignee()));
        admins.set(String.join(", ", g.admins()));
        memberCount.set(Integer.toString(g.memberCount()));
        capacity.set(Integer.toString(g.capacity()));
        parent.set(parentGroup);
        tags.set(String.join(", ", g.tags()));
        rules.set(nz(g.rules()));
        announcement.set(nz(g.announcement()));
        AdPolicy ad = g.adPolicy();
        adType.set(ad.type());
        adFee.set(ad.feeYuan() == null ? "" : ad.feeYuan().toString());
        adWeekday.set(ad.weekday() == null ? DayOfWeek.FRIDAY : ad.weekday());
        adHourFrom.set(ad.hourFrom() == null ? "20" : ad.hourFrom().toString());
        adHourTo.set(ad.hourTo() == null ? "22" : ad.hourTo().toString());
        adThreadAdmin.set(nz(ad.threadAdmin()));
        status.set(g.status());
        createdOn.set(formats.toDate(g.createdAt()));
        reformedOn.set(formats.toDate(g.reformedAt()));
        dissolvedOn.set(formats.toDate(g.dissolvedAt()));
        dissolutionReason.set(nz(g.dissolutionReason()));
        notes.set(nz(g.notes()));
        loaded = values();
    }

    /** Whether the operator changed a field since the form was filled (and did not save it). */
    public boolean isDirty() {
        return original != null && !values().equals(loaded);
    }

    /** Forgets the edits' baseline: the form shows nothing to lose (cleared, or just saved). */
    public void markClean() {
        loaded = values();
    }

    private List<Object> values() {
        Group p = parent.get();
        return Arrays.asList(platform.get(), externalId.get(), name.get(), purpose.get(), kind.get(),
                owner.get(), assignee.get(), admins.get(), memberCount.get(), capacity.get(), p == null ? null : p.id(), tags.get(),
                rules.get(), announcement.get(), adType.get(), adFee.get(), adWeekday.get(), adHourFrom.get(),
                adHourTo.get(), adThreadAdmin.get(), status.get(), createdOn.get(), reformedOn.get(),
                dissolvedOn.get(), dissolutionReason.get(), notes.get());
    }

    /** The group as edited, or the fields whose text is not a number. */
    public Result toGroup() {
        List<FieldError> errors = new ArrayList<>();
        Integer members = parseInt(memberCount.get(), "memberCount", errors);
        Integer cap = parseInt(capacity.get(), "capacity", errors);
        AdPolicy ad = switch (adType.get() == null ? AdPolicy.Type.NONE : adType.get()) {
            case NONE -> AdPolicy.NONE;
            case RED_ENVELOPE -> new AdPolicy(AdPolicy.Type.RED_ENVELOPE, parseInt(adFee.get(), "adPolicy", errors),
                    null, null, null, null);
            case WEEKLY_WINDOW -> new AdPolicy(AdPolicy.Type.WEEKLY_WINDOW, null, adWeekday.get(),
                    parseInt(adHourFrom.get(), "adPolicy", errors), parseInt(adHourTo.get(), "adPolicy", errors),
                    null);
            case AD_THREAD -> AdPolicy.adThread(adThreadAdmin.get());
        };
        if (!errors.isEmpty()) {
            return new Result(null, errors);
        }
        Group base = original != null ? original : Group.draft(platform.get(), name.get(), purpose.get(), kind.get());
        Group g = base.toBuilder()
                .platform(platform.get())
                .externalId(externalId.get())
                .name(name.get())
                .purpose(purpose.get())
                .kind(kind.get())
                .owner(owner.get())
                .assignee(assignee.get() == null || assignee.get().isBlank() ? null : assignee.get().strip())
                .admins(split(admins.get()))
                .memberCount(members)
                .capacity(cap)
                .parentId(parent.get() == null ? null : parent.get().id())
                .tags(split(tags.get()))
                .rules(rules.get())
                .announcement(announcement.get())
                .adPolicy(ad)
                .status(status.get())
                .createdAt(keepTime(base.createdAt(), createdOn.get()))
                .reformedAt(keepTime(base.reformedAt(), reformedOn.get()))
                .dissolvedAt(keepTime(base.dissolvedAt(), dissolvedOn.get()))
                .dissolutionReason(dissolutionReason.get())
                .notes(notes.get())
                .build();
        return new Result(g, List.of());
    }

    /** A date left as it was keeps its original time of day; a changed date means its start. */
    private Instant keepTime(Instant before, LocalDate edited) {
        if (edited == null) {
            return null;
        }
        if (before != null && Objects.equals(formats.toDate(before), edited)) {
            return before;
        }
        return formats.startOf(edited);
    }

    public record Result(Group group, List<FieldError> errors) {
        public boolean ok() {
            return errors.isEmpty();
        }
    }

    static List<String> split(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        return Arrays.stream(text.split("[,，、;；\\n]")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private static Integer parseInt(String text, String field, List<FieldError> errors) {
        String t = text == null ? "" : text.strip();
        if (t.isEmpty()) {
            t = "0";
        }
        try {
            return Integer.parseInt(t);
        } catch (NumberFormatException e) {
            errors.add(FieldError.of(field, "validation.number", text));
            return null;
        }
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
