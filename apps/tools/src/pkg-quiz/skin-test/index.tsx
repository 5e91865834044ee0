import { Text, View } from '@tarojs/components';
import { SKIN_QUESTIONS, type SkinAnswers, skinTestResult } from '@wematrix/shared';
import { DevSignInSheet } from '@wematrix/ui';
import { type ReactElement, useState } from 'react';
import { RecommendList } from '../../features/recommend/recommend-list';
import { ToolsHeader } from '../../features/recommend/tools-header';
import './index.scss';

export default function SkinTestPage(): ReactElement {
  const [answers, setAnswers] = useState<SkinAnswers>({});
  const [step, setStep] = useState(0);
  const total = SKIN_QUESTIONS.length;
  const question = SKIN_QUESTIONS[step];
  const finished = step >= total;
  const result = finished ? skinTestResult(answers) : null;

  function choose(questionId: string, optionId: string): void {
    setAnswers((prev) => ({ ...prev, [questionId]: optionId }));
    setStep((s) => s + 1);
  }

  function restart(): void {
    setAnswers({});
    setStep(0);
  }

  return (
    <View className="wm-page skin">
      <ToolsHeader />
      {question ? (
        <View className="skin__quiz">
          <View className="skin__progress">
            <View className="skin__progress-bar" style={{ width: `${(step / total) * 100}%` }} />
          </View>
          <Text className="skin__step">
            第 {step + 1} / {total} 题
          </Text>
          <View className="skin__question wm-skin-question">{question.title}</View>
          {question.options.map((option) => (
            <View
              key={option.id}
              className={`skin__option wm-skin-option${answers[question.id] === option.id ? ' skin__option--chosen' : ''}`}
              onClick={() => choose(question.id, option.id)}
            >
              {option.label}
            </View>
          ))}
          {step > 0 ? (
            <Text className="skin__back" onClick={() => setStep((s) => s - 1)}>
              ‹ 上一题
            </Text>
          ) : null}
        </View>
      ) : null}
      {result ? (
        <View>
          <View className={`skin__result wm-skin-result wm-skin-type--${result.type}`}>
            <Text className="skin__result-kicker">你的肤质是</Text>
            <Text className="skin__result-type">{result.title}</Text>
            <Text className="skin__result-summary">{result.summary}</Text>
            <View className="skin__tips">
              {result.tips.map((tip, index) => (
                <Text key={tip} className="skin__tip">
                  {index + 1}. {tip}
                </Text>
              ))}
            </View>
            <Text className="skin__restart wm-skin-restart" onClick={restart}>
              重新测试
            </Text>
          </View>
          <RecommendList
            title={`适合${result.title}的好物`}
            query={{ categoryId: 'skincare', keywords: result.keywords }}
          />
        </View>
      ) : null}
      <DevSignInSheet />
    </View>
  );
}
