package dev.mosaic.identity;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Every half minute, one instance estimates again the matching models of workspaces whose data grew enough. */
@Configuration(proxyBeanMethods = false)
class MatchingModelsTask {

    @Bean
    RecurringTask<Void> matchingModelsEstimate(MatchingModels models) {
        return Tasks.recurring("matching-models", FixedDelay.ofSeconds(30)).execute((instance, context) -> models.estimateGrown());
    }
}
