package com.qundesk.ui;

import javafx.application.Platform;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.concurrent.Task;
import javafx.scene.Node;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;

/**
 * Runs work off the FX thread on the app's executor and applies results on it. The triggering controls
 * are disabled while the work runs; failures go to one handler that logs and tells the operator.
 */
public final class UiTasks {

    private final Executor executor;
    private final ErrorReporter errors;
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private int running;

    public UiTasks(Executor executor, ErrorReporter errors) {
        this.executor = executor;
        this.errors = errors;
    }

    /** Runs {@code work} in the background, then {@code onSuccess} on the FX thread. */
    public <T> Task<T> run(Callable<T> work, Consumer<T> onSuccess, Node... disable) {
        return run(work, onSuccess, errors::report, disable);
    }

    /** As {@link #run(Callable, Consumer, Node...)} with a failure handler of the caller's own. */
    public <T> Task<T> run(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure, Node... disable) {
        Task<T> task = new Task<>() {
            @Override
            protected T call() throws Exception {
                return work.call();
            }
        };
        return submit(task, onSuccess, onFailure, disable);
    }

    /** Submits a prepared task (one that reports progress or can be cancelled). */
    public <T> Task<T> submit(Task<T> task, Consumer<T> onSuccess, Consumer<Throwable> onFailure, Node... disable) {
        return submit(executor, task, onSuccess, onFailure, disable);
    }

    /**
     * As {@link #submit(Task, Consumer, Consumer, Node...)}, for long heavy work (a chat import): the task runs on a
     * thread of its own at a lower operating-system priority ({@link BackgroundPriority}), so on a 2-core PC the FX
     * thread still gets a core at every pulse. The thread ends with the task.
     */
    public <T> Task<T> submitInBackground(String name, Task<T> task, Consumer<T> onSuccess,
                                          Consumer<Throwable> onFailure, Node... disable) {
        Executor ownThread = work -> Thread.ofPlatform().name(name).daemon(true).start(() -> {
            BackgroundPriority.lowerCurrentThread();
            work.run();
        });
        return submit(ownThread, task, onSuccess, onFailure, disable);
    }

    private <T> Task<T> submit(Executor on, Task<T> task, Consumer<T> onSuccess, Consumer<Throwable> onFailure,
                               Node... disable) {
        List<Node> nodes = List.of(disable);
        Runnable start = () -> {
            nodes.forEach(n -> n.setDisable(true));
            running++;
            busy.set(true);
        };
        Runnable end = () -> {
            nodes.forEach(n -> n.setDisable(false));
            running--;
            busy.set(running > 0);
        };
        task.setOnSucceeded(e -> {
            end.run();
            try {
                onSuccess.accept(task.getValue());
            } catch (RuntimeException ex) {
                onFailure.accept(ex);
            }
        });
        task.setOnFailed(e -> {
            end.run();
            onFailure.accept(task.getException());
        });
        task.setOnCancelled(e -> end.run());
        if (Platform.isFxApplicationThread()) {
            start.run();
        } else {
            Platform.runLater(start);
        }
        try {
            on.execute(task);
        } catch (RejectedExecutionException e) {
            // the app is shutting down: a late timer tick has nothing left to do
            task.cancel();
            end.run();
        }
        return task;
    }

    /** True while any task started here is running (drives the status-bar spinner). */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ErrorReporter errors() {
        return errors;
    }
}
