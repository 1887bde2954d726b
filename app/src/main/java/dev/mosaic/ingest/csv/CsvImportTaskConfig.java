package dev.mosaic.ingest.csv;

import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.TaskDescriptor;
import com.github.kagkarlsson.scheduler.task.helper.CustomTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The {@code csv-import} background task (see {@code dev.mosaic.platform.jobs}). */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CsvImportSettings.class)
class CsvImportTaskConfig {

    static final TaskDescriptor<CsvImportJobRef> CSV_IMPORT = TaskDescriptor.of("csv-import", CsvImportJobRef.class);

    /**
     * The runner decides itself what follows a run (done, handed back, retried, failed). The failure handler
     * only sees what escaped it, such as the database being away while a failure was recorded; a dead
     * instance's execution is revived, and the run resumes after the last committed chunk.
     */
    @Bean
    CustomTask<CsvImportJobRef> csvImportTask(CsvImportJobRunner runner) {
        return Tasks.custom(CSV_IMPORT)
                .onFailure(new FailureHandler.OnFailureRetryLater<>(CsvImportJobRunner.RETRY_DELAY))
                .onDeadExecutionRevive()
                .execute(runner::run);
    }
}
