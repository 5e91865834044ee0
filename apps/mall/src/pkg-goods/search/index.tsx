import { SearchBar } from '@nutui/nutui-react-taro';
import { Input, Text, View } from '@tarojs/components';
import Taro, { useReachBottom, useRouter } from '@tarojs/taro';
import { type HotWords, type ProductSort, parseYuanToFen } from '@wematrix/shared';
import { createWeMatrixClient, toast, useSession } from '@wematrix/shared/taro';
import { EmptyState, ProductGrid } from '@wematrix/ui';
import { type ReactElement, useEffect, useState } from 'react';
import { openProduct } from '../../features/catalog/open-product';
import { type SearchFilters, useSearchPages } from '../../features/catalog/use-search-pages';
import './index.scss';

const SORTS: { sort: ProductSort | 'price'; label: string }[] = [
  { sort: 'default', label: '综合' },
  { sort: 'sales', label: '销量' },
  { sort: 'price', label: '价格' },
  { sort: 'newest', label: '新品' },
];

/** Yuan typed in a price box -> fen, or undefined when empty or not a price. */
function fenOrUndefined(text: string): number | undefined {
  if (text.trim() === '') return undefined;
  try {
    return parseYuanToFen(text.trim());
  } catch {
    return undefined;
  }
}

export default function SearchPage(): ReactElement {
  const { params } = useRouter();
  const { api } = createWeMatrixClient();
  const { user } = useSession();
  const initial = params.q ? decodeURIComponent(params.q) : '';
  const [input, setInput] = useState(initial);
  const [keyword, setKeyword] = useState(initial);
  const [filters, setFilters] = useState<SearchFilters>({ sort: 'default' });
  const [priceText, setPriceText] = useState({ min: '', max: '' });
  const [history, setHistory] = useState<string[]>([]);
  const [hot, setHot] = useState<HotWords | null>(null);
  const results = useSearchPages(keyword, filters);
  useReachBottom(results.loadMore);

  // History is the shopper's own; hot words are everyone's. Both refresh when the search is cleared.
  useEffect(() => {
    if (keyword) return;
    api.search.hot().then(setHot, () => setHot(null));
    if (user)
      api.search.history().then(
        (h) => setHistory(h.keywords),
        () => setHistory([]),
      );
    else setHistory([]);
  }, [api, keyword, user]);

  function search(value: string): void {
    const q = value.trim();
    if (!q) {
      toast('请输入要搜索的商品');
      return;
    }
    setInput(q);
    setKeyword(q);
  }

  function pickSort(sort: ProductSort | 'price'): void {
    // 价格 toggles between low-to-high and high-to-low, as in every store.
    if (sort === 'price') setFilters((f) => ({ ...f, sort: f.sort === 'price_asc' ? 'price_desc' : 'price_asc' }));
    else setFilters((f) => ({ ...f, sort }));
  }

  function applyPrice(): void {
    let min = fenOrUndefined(priceText.min);
    let max = fenOrUndefined(priceText.max);
    if (min !== undefined && max !== undefined && min > max) [min, max] = [max, min];
    setFilters((f) => ({ ...f, minPriceFen: min, maxPriceFen: max }));
  }

  async function clearHistory(): Promise<void> {
    const { confirm } = await Taro.showModal({ title: '清空搜索历史', content: '确定清空全部搜索历史吗？' });
    if (!confirm) return;
    await api.search.clearHistory().catch(() => undefined);
    setHistory([]);
  }

  const sortOn = (sort: ProductSort | 'price') =>
    sort === 'price' ? filters.sort === 'price_asc' || filters.sort === 'price_desc' : filters.sort === sort;

  return (
    <View className="wm-page search">
      <View className="search__bar">
        <SearchBar
          className="wm-search-input"
          shape="round"
          autoFocus={!initial}
          placeholder="搜索商品、品牌"
          value={input}
          onChange={setInput}
          onSearch={search}
          onClear={() => {
            setInput('');
            setKeyword('');
          }}
          right={
            <Text className="search__go wm-search-go" onClick={() => search(input)}>
              搜索
            </Text>
          }
        />
      </View>

      {keyword ? (
        <>
          <View className="search__sorts">
            {SORTS.map(({ sort, label }) => (
              <Text
                key={sort}
                className={`search__sort wm-search-sort${sortOn(sort) ? ' search__sort--on' : ''}`}
                onClick={() => pickSort(sort)}
              >
                {label}
                {sort === 'price'
                  ? filters.sort === 'price_desc'
                    ? ' ↓'
                    : filters.sort === 'price_asc'
                      ? ' ↑'
                      : ' ↕'
                  : ''}
              </Text>
            ))}
          </View>
          <View className="search__price">
            <Text className="search__price-label">价格区间</Text>
            <Input
              className="search__price-input wm-search-min"
              type="digit"
              placeholder="最低价"
              value={priceText.min}
              onInput={(e) => setPriceText((p) => ({ ...p, min: e.detail.value }))}
            />
            <Text className="search__price-dash">—</Text>
            <Input
              className="search__price-input wm-search-max"
              type="digit"
              placeholder="最高价"
              value={priceText.max}
              onInput={(e) => setPriceText((p) => ({ ...p, max: e.detail.value }))}
            />
            <Text className="search__price-apply wm-search-price" onClick={applyPrice}>
              确定
            </Text>
          </View>
          {results.error && results.items.length === 0 ? (
            <EmptyState title="搜索失败" hint={results.error} />
          ) : results.done && results.items.length === 0 ? (
            <EmptyState title={`没有找到“${keyword}”相关的商品`} hint="换个关键词或放宽价格试试" />
          ) : (
            <ProductGrid products={results.items} onOpen={openProduct} />
          )}
          <View className="search__footer">
            {results.loading ? '加载中…' : results.done && results.items.length > 0 ? '— 已经到底啦 —' : ''}
          </View>
        </>
      ) : (
        <View className="search__suggest">
          {history.length > 0 ? (
            <View className="search__group">
              <View className="search__group-head">
                <Text className="search__group-title">历史搜索</Text>
                <Text className="search__group-action wm-search-clear" onClick={() => void clearHistory()}>
                  清空
                </Text>
              </View>
              <View className="search__chips">
                {history.map((word) => (
                  <Text key={word} className="search__chip wm-search-history" onClick={() => search(word)}>
                    {word}
                  </Text>
                ))}
              </View>
            </View>
          ) : null}
          {hot && hot.keywords.length > 0 ? (
            <View className="search__group">
              <View className="search__group-head">
                <Text className="search__group-title">{hot.source === 'searches' ? '热门搜索' : '大家都在搜'}</Text>
              </View>
              <View className="search__chips">
                {hot.keywords.map((word, index) => (
                  <Text
                    key={word}
                    className={`search__chip wm-search-hot${index < 3 ? ' search__chip--hot' : ''}`}
                    onClick={() => search(word)}
                  >
                    {word}
                  </Text>
                ))}
              </View>
            </View>
          ) : null}
        </View>
      )}
    </View>
  );
}
